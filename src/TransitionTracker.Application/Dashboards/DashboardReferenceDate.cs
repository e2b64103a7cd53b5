using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace TransitionTracker.Application.Dashboards;

/// <summary>
/// The date every dashboard figure is "as at" (docs/architecture.md, "Dashboards: the reference date"): the date set
/// in <c>Dashboards:ReferenceDate</c> when there is one (the demo settings set 31 March 2013, the end of the demo
/// history), otherwise today in the UK. Tracks, scores and "last assessed" are as they stood at the end of that day;
/// "not assessed recently" counts back from it; the track trend runs to its month. Without configuration (a host that
/// has none), the date is today.
/// </summary>
public sealed class DashboardReferenceDate(IConfiguration? configuration, TimeProvider clock)
{
    public const string SettingName = "Dashboards:ReferenceDate";

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private readonly DateOnly? configured = Parse(configuration?[SettingName]);

    /// <summary>Whether the date comes from <see cref="SettingName"/> rather than the clock.</summary>
    public bool IsConfigured => configured is not null;

    /// <summary>The reference date (a UK calendar date).</summary>
    public DateOnly Date => configured ?? UkCalendar.Today(clock);

    /// <summary>The first moment (UTC) after the reference date ends in the UK: anything recorded before it counts.</summary>
    public DateTime EndUtc => EndOfUkDayUtc(Date);

    /// <summary>The first day of the reference date's month: the track trend's last month.</summary>
    public DateOnly Month => new(Date.Year, Date.Month, 1);

    public static DateTime EndOfUkDayUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), UkTime);

    private static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidOperationException($"{SettingName} must be a date written yyyy-MM-dd, not “{text}”.");
    }
}
