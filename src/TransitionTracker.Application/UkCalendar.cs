using System.Globalization;

namespace TransitionTracker.Application;

/// <summary>Dates and times as people in England read them: UK local time, "1 April 2013".</summary>
public static class UkCalendar
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Today in the UK, the day against which dates "in the future" are judged.</summary>
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), UkTime).DateTime);

    /// <summary>The UK calendar date of a moment.</summary>
    public static DateOnly DateOf(DateTime utc) => Domain.Assessments.TrackHistory.UkDateOf(utc);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    /// <summary>
    /// The UK date of a moment, written out: 23:30 UTC on 31 May 2012 is "1 June 2012", as it was 00:30 in the UK.
    /// </summary>
    public static string Date(DateTime utc) => Date(DateOf(utc));

    /// <summary>A date as tables show one, "1 Jun 2012": the date part of <see cref="When(DateTime)"/>.</summary>
    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", EnGb);

    /// <summary>
    /// A moment as every page shows one: UK local time, labelled, like "4 Dec 2026, 15:05 (UK time)". The label
    /// matters because the server, the database and a reader abroad may each keep another time.
    /// </summary>
    public static string When(DateTime utc) =>
        When(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <inheritdoc cref="When(DateTime)"/>
    public static string When(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, UkTime).ToString("d MMM yyyy, HH:mm", EnGb) + " (UK time)";
}
