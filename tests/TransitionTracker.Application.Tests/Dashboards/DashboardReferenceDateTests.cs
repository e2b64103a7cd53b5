using Microsoft.Extensions.Configuration;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Tests.Infrastructure;

namespace TransitionTracker.Application.Tests.Dashboards;

public sealed class DashboardReferenceDateTests
{
    [Fact]
    public void Without_a_setting_the_reference_date_is_today_in_the_uk()
    {
        // 23:30 UTC on 1 July is 00:30 on 2 July in the UK (British Summer Time).
        var reference = new DashboardReferenceDate(Settings(null), new TestClock(new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero)));

        Assert.False(reference.IsConfigured);
        Assert.Equal(new DateOnly(2026, 7, 2), reference.Date);
        Assert.Equal(new DateOnly(2026, 7, 1), reference.Month);
        Assert.Equal(new DateTime(2026, 7, 2, 23, 0, 0, DateTimeKind.Utc), reference.EndUtc);
    }

    [Fact]
    public void A_configured_reference_date_is_used_whatever_the_clock_says()
    {
        var reference = new DashboardReferenceDate(Settings("2013-03-31"), new TestClock(new DateTimeOffset(2026, 12, 4, 16, 0, 0, TimeSpan.Zero)));

        Assert.True(reference.IsConfigured);
        Assert.Equal(new DateOnly(2013, 3, 31), reference.Date);
        Assert.Equal(new DateTime(2013, 3, 31, 23, 0, 0, DateTimeKind.Utc), reference.EndUtc);
    }

    [Fact]
    public void A_reference_date_that_is_not_a_date_stops_the_app_with_the_setting_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DashboardReferenceDate(Settings("31/03/2013"), TimeProvider.System));

        Assert.Contains(DashboardReferenceDate.SettingName, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(string? referenceDate) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(referenceDate is null ? [] : [new(DashboardReferenceDate.SettingName, referenceDate)])
            .Build();
}
