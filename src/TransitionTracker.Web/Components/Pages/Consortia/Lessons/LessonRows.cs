using TransitionTracker.Application.Lessons;
using TransitionTracker.Domain.Lessons;

namespace TransitionTracker.Web.Components.Pages.Consortia.Lessons;

/// <summary>One lesson as the page shows it: plain values, so the page can persist it for the live render.</summary>
public sealed record LessonRow(int Id, string DomainId, string Title, string Body, string WrittenBy, DateTime WrittenAtUtc)
{
    public string DomainName() => LessonLibrary.DomainName(DomainId);

    /// <summary>Line breaks the writer typed separate paragraphs.</summary>
    public IEnumerable<string> Paragraphs() => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static LessonRow From(Lesson lesson) =>
        new(lesson.Id, lesson.DomainId, lesson.Title, lesson.Body, lesson.WrittenBy, lesson.WrittenAtUtc);
}

/// <summary>One page of a consortium's lessons as the page shows it (see <see cref="LessonListPage"/>).</summary>
public sealed record LessonRows(IReadOnlyList<LessonRow> Lessons, int Page, int PageCount, int Matching, int Total)
{
    public static LessonRows From(LessonListPage page) =>
        new(page.Lessons.Select(LessonRow.From).ToList(), page.Page, page.PageCount, page.Matching, page.Total);
}
