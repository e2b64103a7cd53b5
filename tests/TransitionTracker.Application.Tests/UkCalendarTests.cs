namespace TransitionTracker.Application.Tests;

/// <summary>The one way pages show a moment: UK local time, with the label that says so.</summary>
public sealed class UkCalendarTests
{
    [Fact]
    public void A_moment_in_winter_is_shown_as_uk_time_which_is_utc_then()
    {
        Assert.Equal("4 Dec 2026, 15:05 (UK time)", UkCalendar.When(new DateTime(2026, 12, 4, 15, 5, 53, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_moment_in_summer_is_shown_an_hour_ahead_of_utc_whatever_offset_it_came_with()
    {
        Assert.Equal("1 Jul 2011, 15:05 (UK time)", UkCalendar.When(new DateTime(2011, 7, 1, 14, 5, 0, DateTimeKind.Unspecified)));
        Assert.Equal("1 Jul 2011, 15:05 (UK time)", UkCalendar.When(new DateTimeOffset(2011, 7, 1, 16, 5, 0, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void A_moment_just_after_midnight_in_summer_has_the_uk_date_not_the_utc_date()
    {
        // 23:30 UTC on 31 May 2012 was 00:30 on 1 June in the UK.
        var moment = new DateTime(2012, 5, 31, 23, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new DateOnly(2012, 6, 1), UkCalendar.DateOf(moment));
        Assert.Equal("1 June 2012", UkCalendar.Date(moment));
        Assert.Equal("1 Jun 2012", UkCalendar.ShortDate(UkCalendar.DateOf(moment)));
    }
}
