using System.Globalization;
using TransitionTracker.Application.SupportActions;

namespace TransitionTracker.Web.Components.Pages.Consortia.Actions;

/// <summary>
/// What the support action editor holds, as entered; a record, so an entry equal to the one read has nothing unsaved.
/// The use case checks it (<see cref="SupportActionBoard"/>), from the form it becomes.
/// </summary>
public sealed record SupportActionEntry
{
    public string? Criterion { get; set; }

    public string? Description { get; set; }

    public string? Owner { get; set; }

    /// <summary>The due date as typed or picked, day/month/year; the use case says what is wrong with it.</summary>
    public string? DueText { get; set; }

    /// <summary>The status's enum name; changing an action only.</summary>
    public string? Status { get; set; }

    public static SupportActionEntry From(SupportActionItem action) => new()
    {
        Criterion = action.CriterionId,
        Description = action.Description,
        Owner = action.Owner,
        DueText = Display(action.DueOn),
        Status = action.Status.ToString(),
    };

    /// <summary>The use case's form, based on <paramref name="revision"/> when changing an action.</summary>
    public SupportActionForm ToForm(int? revision = null)
    {
        var parts = (DueText ?? "").Split(['/', '-', '.', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // Not day, month and year: the whole text stands for each part, so the use case calls it not a real date.
        var (day, month, year) = parts switch
        {
            [] => ("", "", ""),
            [var d, var m, var y] => (d, m, y),
            _ => (DueText, DueText, DueText),
        };
        return new SupportActionForm
        {
            Criterion = Criterion,
            Description = Description,
            Owner = Owner,
            DueDay = day,
            DueMonth = month,
            DueYear = year,
            Status = Status,
            Revision = revision?.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A date as the editor shows it.</summary>
    public static string Display(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
