using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Exports;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Lessons;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Application.Lessons;

/// <summary>
/// Lessons consortia record for others to learn from (docs/architecture.md, "The domain": consortia learn from the
/// experience and outcomes of others), tagged by a domain of the default readiness framework: a consortium's own
/// lessons, writing one, and the lessons of consortia that are strong where another is weak. Those who may read a
/// consortium read its lessons and the lessons others offer it; who may write one is <see cref="MayWriteAsync"/>.
/// </summary>
public sealed class LessonLibrary(DbContexts contexts, OrganisationScope scope, TimeProvider clock)
{
    /// <summary>A domain score at least this high, in a consortium's latest submitted assessment, makes its lessons worth passing on.</summary>
    public const double StrongDomainScore = 75;

    public const int LessonsPerDomain = 3;

    /// <summary>Lessons are tagged with the domains of the default framework.</summary>
    public static Framework Framework => ShippedFrameworks.DefaultFramework;

    /// <summary>The domain's name, or its id if the framework no longer has it.</summary>
    public static string DomainName(string domainId) => Framework.FindDomain(domainId)?.Name ?? domainId;

    /// <summary>
    /// Whether <paramref name="user"/> may record a lesson for the consortium: its lead (docs/security.md, "Roles and
    /// scopes") or a PCT manager who may edit it. This is neither the read nor the edit policy, so pages ask it here.
    /// </summary>
    public async Task<bool> MayWriteAsync(ActingUser? user, string consortiumCode, CancellationToken cancellationToken) =>
        user is not null
        && OrganisationCode.TryNormalise(consortiumCode) is { } code
        && await scope.ConsortiumAsync(code, cancellationToken) is { } consortium
        && (user.Access.LedConsortia.Contains(consortium.Code) || user.Access.CanEditConsortium(consortium));

    /// <summary>The consortium's own lessons, newest first; empty when the user may not read the consortium.</summary>
    public async Task<IReadOnlyList<Lesson>> ListAsync(ActingUser? user, string consortiumCode, CancellationToken cancellationToken)
    {
        if (!await scope.CanReadConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return [];
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.OpenForReading();
        return await db.Lessons
            .Where(l => l.ConsortiumCode == code)
            .OrderByDescending(l => l.WrittenAtUtc).ThenByDescending(l => l.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One page of the consortium's own lessons: those on the domain asked for whose title, text, writer or domain name
    /// contains the search (ignoring case), in the order asked for, ties broken newest first. A page past the last
    /// shows the last. Null when the user may not read the consortium.
    /// </summary>
    public Task<LessonListPage?> PageAsync(ActingUser? user, string consortiumCode, LessonListQuery query, CancellationToken cancellationToken) =>
        PageAsync(user, consortiumCode, query, allRows: false, cancellationToken);

    /// <summary>
    /// The lessons grid as a file (docs/architecture.md, "Exports"): every lesson it finds with the search, domain and
    /// sort of the address (not only one page), with the columns it shows and the full text. Values the address
    /// carries that cannot be used refuse the export with a note each, rather than being dropped as the page drops
    /// them; null when the user may not read the consortium.
    /// </summary>
    public async Task<ExportOutcome?> ExportAsync(
        ActingUser? user, string consortiumCode, string? search, string? domain, string? sort, string? dir, ExportFormat format, CancellationToken cancellationToken)
    {
        var (query, notes) = LessonListQuery.Parse(search, domain, sort, dir, null);
        if (await PageAsync(user, consortiumCode, query, allRows: true, cancellationToken) is not { } all)
        {
            return null;
        }

        if (notes.Count > 0)
        {
            return ExportOutcome.Refused(notes);
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        var table = new ExportTable("Lessons", ["Lesson", "Text", "Domain", "Written by", "Written"],
            all.Lessons.Select(l => (IReadOnlyList<object?>)[l.Title, l.Body, DomainName(l.DomainId), l.WrittenBy, UkCalendar.When(l.WrittenAtUtc)]).ToList());
        return ExportOutcome.Of(ExportWriter.Write($"lessons-{code}", format, table));
    }

    private async Task<LessonListPage?> PageAsync(ActingUser? user, string consortiumCode, LessonListQuery query, bool allRows, CancellationToken cancellationToken)
    {
        if (!await scope.CanReadConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return null;
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.OpenForReading();
        var lessons = db.Lessons.AsNoTracking().Where(l => l.ConsortiumCode == code);
        var total = await lessons.CountAsync(cancellationToken);
        var matching = lessons;
        if (query.Domain is { } domain)
        {
            matching = matching.Where(l => l.DomainId == domain);
        }

        if (!string.IsNullOrEmpty(query.Search))
        {
            var search = query.Search.ToUpperInvariant();
            var namedDomains = Framework.Domains
                .Where(d => d.Name.Contains(query.Search, StringComparison.OrdinalIgnoreCase))
                .Select(d => d.Id)
                .ToList();
            matching = matching.Where(l => l.Title.ToUpper().Contains(search) || l.Body.ToUpper().Contains(search)
                || l.WrittenBy.ToUpper().Contains(search) || namedDomains.Contains(l.DomainId));
        }

        var matchCount = query.IsFiltered ? await matching.CountAsync(cancellationToken) : total;
        var pageSize = allRows ? Math.Max(1, matchCount) : LessonListQuery.PageSize;
        var pageCount = Math.Max(1, (matchCount + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var ordered = (query.Sort, query.Descending) switch
        {
            ("title", false) => matching.OrderBy(l => l.Title.ToUpper()).ThenByDescending(l => l.WrittenAtUtc),
            ("title", true) => matching.OrderByDescending(l => l.Title.ToUpper()).ThenByDescending(l => l.WrittenAtUtc),
            ("author", false) => matching.OrderBy(l => l.WrittenBy.ToUpper()).ThenByDescending(l => l.WrittenAtUtc),
            ("author", true) => matching.OrderByDescending(l => l.WrittenBy.ToUpper()).ThenByDescending(l => l.WrittenAtUtc),
            (_, false) => matching.OrderBy(l => l.WrittenAtUtc),
            _ => matching.OrderByDescending(l => l.WrittenAtUtc),
        };
        var rows = await ordered.ThenByDescending(l => l.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new LessonListPage(rows, page, pageCount, matchCount, total);
    }

    /// <summary>Records a lesson written by <paramref name="user"/>; not found when they may not write for this consortium.</summary>
    public async Task<EditOutcome> AddAsync(ActingUser? user, string consortiumCode, LessonForm form, CancellationToken cancellationToken)
    {
        if (user is null || !await MayWriteAsync(user, consortiumCode, cancellationToken))
        {
            return EditOutcome.NotFound();
        }

        var problems = new List<FieldProblem>();
        var domain = form.Domain?.Trim() ?? "";
        if (Framework.FindDomain(domain) is null)
        {
            problems.Add(new FieldProblem(LessonForm.DomainField, "Select the domain the lesson is about"));
        }

        var title = InputValues.Text(form.Title, Lesson.TitleMaxLength, LessonForm.TitleField, "Title", "Enter a title for the lesson", problems);
        var body = InputValues.Text(form.Body, Lesson.BodyMaxLength, LessonForm.BodyField, "The lesson", "Enter what you learned", problems);
        if (problems.Count > 0)
        {
            return EditOutcome.Invalid(problems);
        }

        await using var db = contexts.Open(user);
        var lesson = new Lesson(consortiumCode, domain, title, body, user.AuditName, clock.GetUtcNow().UtcDateTime);
        db.Lessons.Add(lesson);
        await db.SaveChangesAsync(cancellationToken);
        return EditOutcome.Saved(lesson.Id);
    }

    /// <summary>
    /// For each of <paramref name="weakestDomainIds"/> (in that order), up to <see cref="LessonsPerDomain"/> different
    /// lessons, newest first, written by other consortia whose latest submitted assessment against the default framework scored
    /// at least <see cref="StrongDomainScore"/> in that domain. One query, however many domains or consortia; the rows
    /// are the strong consortia's lessons on those domains, so the count follows the number of such lessons. Empty
    /// when the user may not read the consortium.
    /// </summary>
    public async Task<IReadOnlyList<LessonFromOthers>> ForWeakestDomainsAsync(
        ActingUser? user, string consortiumCode, IReadOnlyList<string> weakestDomainIds, CancellationToken cancellationToken)
    {
        return weakestDomainIds.Count == 0 || !await scope.CanReadConsortiumAsync(user, consortiumCode, cancellationToken)
            ? []
            : await FromOthersAsync(OrganisationCode.Normalise(consortiumCode), weakestDomainIds, cancellationToken);
    }

    /// <summary><see cref="ForWeakestDomainsAsync"/> without the scope check, for use cases that have checked it themselves.</summary>
    internal async Task<IReadOnlyList<LessonFromOthers>> FromOthersAsync(string code, IReadOnlyList<string> weakestDomainIds, CancellationToken cancellationToken)
    {
        var domains = weakestDomainIds.Distinct(StringComparer.Ordinal).ToList();
        if (domains.Count == 0)
        {
            return [];
        }

        await using var db = contexts.OpenForReading();

        // Each lesson carries its writer's score in its domain from the writer's latest submission (kept up to date by
        // the data layer on every submission), so the strong writers' lessons are one range of the index on
        // (DomainId, WriterScore) per domain, however long every consortium's history.
        var candidates =
            from lesson in db.Lessons
            where domains.Contains(lesson.DomainId) && lesson.WriterScore >= StrongDomainScore && lesson.ConsortiumCode != code
            join consortium in db.Consortia on lesson.ConsortiumCode equals consortium.Code
            select new
            {
                lesson.Id,
                lesson.DomainId,
                lesson.Title,
                lesson.Body,
                lesson.WrittenAtUtc,
                lesson.ConsortiumCode,
                ConsortiumName = consortium.Name,
                Score = lesson.WriterScore!.Value,
            };
        var rows = await candidates.ToListAsync(cancellationToken);

        // The same lesson (title and text) recorded by several consortia is shown once, under the consortium that
        // scores best in the domain, with how many others recorded it too.
        return rows
            .GroupBy(r => (r.DomainId, r.Title, r.Body))
            .Select(g =>
            {
                var best = g.OrderByDescending(r => r.Score).ThenBy(r => r.ConsortiumCode, StringComparer.Ordinal).First();
                return (Best: best, Newest: g.Max(r => (r.WrittenAtUtc, r.Id)), Others: g.Select(r => r.ConsortiumCode).Distinct().Count() - 1);
            })
            .GroupBy(l => l.Best.DomainId)
            .OrderBy(g => domains.IndexOf(g.Key))
            .SelectMany(g => g.OrderByDescending(l => l.Newest).Take(LessonsPerDomain))
            .Select(l => new LessonFromOthers(l.Best.DomainId, l.Best.Title, l.Best.Body, l.Best.ConsortiumCode, l.Best.ConsortiumName, l.Best.Score, l.Others))
            .ToList();
    }
}
