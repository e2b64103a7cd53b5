using TransitionTracker.Web.Transition;

namespace TransitionTracker.Web.Tests.Transition;

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
}
