using System.Globalization;

namespace TransitionTracker.Application.Quality;

/// <summary>
/// One numeric indicator of a month: its input name, label, unit, the plausible range and the words that explain it.
/// <see cref="Hint"/> is shown beside the field before anyone types; <see cref="OutOfRange"/> is the problem when a
/// figure falls outside the range (docs/architecture.md, "Quality and finance indicators").
/// </summary>
public sealed record QualityIndicatorRule(string Field, string Label, string Unit, decimal Min, decimal Max, string Hint, string OutOfRange)
{
    public bool Allows(decimal value) => value >= Min && value <= Max;
}

/// <summary>The plausible ranges of a month's quality and finance indicators, used by every entry (form, file, API).</summary>
public static class QualityIndicatorRules
{
    public static readonly QualityIndicatorRule QippPlanned = new(
        "qipp-planned",
        "QIPP savings planned",
        "£k",
        0,
        20_000,
        "In £ thousands for this month, from 0 to 20,000 (£20 million).",
        "QIPP savings planned of more than £20 million (20,000 in £ thousands) in one month are not plausible for a PCT; check the figure is in thousands");

    public static readonly QualityIndicatorRule QippDelivered = new(
        "qipp-delivered",
        "QIPP savings delivered",
        "£k",
        0,
        20_000,
        "In £ thousands for this month, from 0 to 20,000 and at most twice the savings planned.",
        "QIPP savings delivered of more than £20 million (20,000 in £ thousands) in one month are not plausible for a PCT; check the figure is in thousands");

    public static readonly QualityIndicatorRule EmergencyChange = new(
        "emergency-change",
        "Emergency admissions change on the same month last year",
        "%",
        -50,
        50,
        "A rise is positive, a fall negative, for example -1.5; from -50 to +50.",
        "A change in emergency admissions of more than ±50 % in a month is not plausible; check the figure");

    public static readonly QualityIndicatorRule RttAdmitted = new(
        "rtt-admitted",
        "Admitted patients treated within 18 weeks",
        "%",
        50,
        100,
        "The standard is 90 %; from 50 to 100.",
        "Admitted patients treated within 18 weeks must be from 50 % to 100 %: below half is not plausible against the 90 % standard; check the figure");

    public static readonly QualityIndicatorRule RttNonAdmitted = new(
        "rtt-non-admitted",
        "Non-admitted patients treated within 18 weeks",
        "%",
        50,
        100,
        "The standard is 95 %; from 50 to 100.",
        "Non-admitted patients treated within 18 weeks must be from 50 % to 100 %: below half is not plausible against the 95 % standard; check the figure");

    /// <summary>Savings delivered may be at most this many times the savings planned (when any are planned).</summary>
    public const decimal MostDeliveredOfPlanned = 2;

    public const string DeliveredOverPlan =
        "QIPP savings delivered of more than twice the savings planned in a month are not plausible; check both figures";

    public static IReadOnlyList<QualityIndicatorRule> Numbers { get; } = [QippPlanned, QippDelivered, EmergencyChange, RttAdmitted, RttNonAdmitted];

    /// <summary>A figure as the use case reads it: invariant culture, a point for decimals.</summary>
    public static string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
