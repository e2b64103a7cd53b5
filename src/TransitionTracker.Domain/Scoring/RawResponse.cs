using System.Globalization;

namespace TransitionTracker.Domain.Scoring;

/// <summary>
/// A response as it arrived, before any checking, from JSON or a form. Keeps enough of what was sent for
/// <see cref="ResponseSetValidator"/> to say precisely what is wrong with it.
/// </summary>
/// <param name="Criterion">The criterion id as sent; null when none was given.</param>
/// <param name="Status">The status text as sent; null when none was given.</param>
/// <param name="Level">The level when one was given as a whole number.</param>
/// <param name="LevelWasNotWhole">A level was given but was not a whole number (3.5, "three", "").</param>
public sealed record RawResponse(string? Criterion, string? Status, int? Level, bool LevelWasNotWhole = false)
{
    /// <summary>Whether any level was sent, whole or not.</summary>
    public bool HasLevel => Level is not null || LevelWasNotWhole;

    /// <summary>
    /// From form fields, where everything is text and an empty field means "not given" (an unticked radio, a blank
    /// box).
    /// </summary>
    public static RawResponse FromText(string? criterion, string? status, string? level)
    {
        var criterionGiven = string.IsNullOrWhiteSpace(criterion) ? null : criterion.Trim();
        var statusGiven = string.IsNullOrWhiteSpace(status) ? null : status.Trim();
        if (string.IsNullOrWhiteSpace(level))
        {
            return new RawResponse(criterionGiven, statusGiven, null);
        }

        return int.TryParse(level.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
            ? new RawResponse(criterionGiven, statusGiven, whole)
            : new RawResponse(criterionGiven, statusGiven, null, LevelWasNotWhole: true);
    }
}
