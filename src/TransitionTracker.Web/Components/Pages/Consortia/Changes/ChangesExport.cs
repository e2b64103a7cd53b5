using TransitionTracker.Application;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Changes;
using TransitionTracker.Application.Exports;

namespace TransitionTracker.Web.Components.Pages.Consortia.Changes;

/// <summary>
/// A consortium's change history as a file (docs/architecture.md, "Exports"): every change the list's search, kind and
/// order match, one row for each thing a change did, in the words the page uses (<see cref="ChangeItems"/>). The use
/// case (<see cref="ChangeHistory.AllAsync"/>) checks the reader's scope; the words are the page's, so the table is
/// made here rather than in the use case.
/// </summary>
public static class ChangesExport
{
    public static async Task<ExportOutcome?> ExportAsync(
        ChangeHistory history, ActingUser? user, string code, string? search, string? kind, string? order, ExportFormat format, CancellationToken cancellationToken)
    {
        var (query, notes) = ChangeListQuery.Parse(search, kind, order);
        if (await history.AllAsync(user, code, query, cancellationToken) is not { } saves)
        {
            return null;
        }

        if (notes.Count > 0)
        {
            return ExportOutcome.Refused(notes);
        }

        var rows = saves
            .SelectMany(save => ChangeItems.From(save.Entries).Select(item => (IReadOnlyList<object?>)
                [UkCalendar.When(save.AtUtc), save.Actor, item.Summary, Details(item)]))
            .ToList();
        var table = new ExportTable("Changes", ["When", "Who", "What", "Details"], rows);
        return ExportOutcome.Of(ExportWriter.Write($"changes-{code.Trim().ToUpperInvariant()}", format, table));
    }

    // The fields in words ("Due date: 1 May 2012 → 1 June 2012"), then the answers under their summary.
    private static string Details(ChangeItem item)
    {
        var parts = item.Fields.Select(Field).ToList();
        if (item.Answers.Count > 0)
        {
            parts.Add($"{item.AnswersSummary}: {string.Join("; ", item.Answers.Select(Field))}");
        }

        return string.Join("; ", parts);
    }

    private static string Field(ChangedField field) =>
        field.Changed ? $"{field.Field}: {field.Old} → {field.New}" : $"{field.Field}: {field.New}";
}
