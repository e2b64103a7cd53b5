using Bunit;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Web.Components.Pages.Regions;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Regions;

public sealed class ChartOrTableTests : MudComponentContext
{
    private static readonly TrackTrendPoint[] Trend =
    [
        new(new DateOnly(2012, 1, 1), 3, 9),
        new(new DateOnly(2012, 2, 1), 5, 7),
    ];

    [Fact]
    public void The_trend_shows_a_chart_first_and_its_data_as_a_table_on_the_toggle_and_back()
    {
        var trend = RenderInteractive<TrendChart>(p => p.Add(t => t.Trend, Trend).Add(t => t.Area, "North East"));
        var toggle = trend.Find("#trend-chart button.app-chart__toggle");

        Assert.NotNull(trend.Find("#trend-chart .app-chart__figure svg"));
        Assert.False(trend.Find("#trend-chart .app-chart__figure").HasAttribute("hidden"));
        Assert.True(trend.Find("#trend-chart-table-view").HasAttribute("hidden"));
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.Contains("Show the data as a table", toggle.TextContent, StringComparison.Ordinal);

        toggle.Click();

        Assert.False(trend.Find("#trend-chart-table-view").HasAttribute("hidden"));
        Assert.True(trend.Find("#trend-chart .app-chart__figure").HasAttribute("hidden"));
        Assert.Equal("true", trend.Find("#trend-chart button.app-chart__toggle").GetAttribute("aria-expanded"));
        var rows = trend.FindAll("#trend-table tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToList();
        Assert.Equal([["Jan 2012", "3", "9"], ["Feb 2012", "5", "7"]], rows);

        trend.Find("#trend-chart button.app-chart__toggle").Click();

        Assert.True(trend.Find("#trend-chart-table-view").HasAttribute("hidden"));
        Assert.Contains("Show the data as a table", trend.Find("#trend-chart button.app-chart__toggle").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Competencies_chart_the_two_months_and_table_the_changes()
    {
        var improvement = new CompetencyImprovement(new DateOnly(2011, 3, 1), new DateOnly(2012, 3, 1), 4,
            [new CompetencyChange("lead", "Locally lead the NHS", 4, 40, 50), new CompetencyChange("engage", "Engage with public and patients", 4, 60, 57)]);
        (string From, string To)? asked = null;

        var section = RenderInteractive<CompetencyTable>(p => p.Add(c => c.Improvement, improvement).Add(c => c.MonthsChanged, m => asked = m));
        section.Find("#competency-chart button.app-chart__toggle").Click();

        Assert.False(section.Find("#competency-chart-table-view").HasAttribute("hidden"));
        Assert.Equal("+3.5", section.Find("[data-figure=average-change]").TextContent);
        Assert.Equal(["+10.0", "-3.0"], section.FindAll("#competency-table tbody tr").Select(r => r.Children[4].TextContent));

        section.Find("input#from").Change("2011-06");

        Assert.Equal(("2011-06", "2012-03"), asked);
    }
}
