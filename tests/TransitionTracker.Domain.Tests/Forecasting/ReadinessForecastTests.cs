using TransitionTracker.Domain.Forecasting;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Domain.Tests.Scoring;
using static TransitionTracker.Domain.Tests.Scoring.Answers;

namespace TransitionTracker.Domain.Tests.Forecasting;

/// <summary>
/// The forecast on constructed histories whose answers are worked out by hand (docs/scoring.md, "Forecast"): two
/// domains of four equal criteria, threshold 75, floor 50, a1 essential.
/// </summary>
public sealed class ReadinessForecastTests
{
    private static readonly Framework Framework = new FrameworkBuilder()
        .Domain("A").Domain("B")
        .Criterion("a1", "A", essential: true).Criterion("a2", "A").Criterion("a3", "A").Criterion("a4", "A")
        .Criterion("b1", "B").Criterion("b2", "B").Criterion("b3", "B").Criterion("b4", "B")
        .Build();

    private static readonly string[] All = ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"];

    [Fact]
    public void The_plan_closes_the_essential_criterion_first_then_the_largest_gain_until_fast_mover()
    {
        // A 50, B 50, overall 50; a1 (essential) takes A to 75 and overall to 62.5; then a4, b3 and b4 each add 12.5
        // and the tie goes to the first id: a4 makes 75.
        var plan = ReadinessForecast.PlanToFastMover(Framework, MetOnly("a2", "a3", "b1", "b2"));

        Assert.Equal(["a1", "a4"], plan);
        Assert.Equal(Track.FastMover, ReadinessScorer.Score(Framework, MetOnly("a1", "a2", "a3", "a4", "b1", "b2")).Track);
    }

    [Fact]
    public void The_plan_raises_a_domain_below_its_floor_before_the_overall_score()
    {
        // A 75, B 25 (below 50), overall 50. a4, b2, b3 and b4 would each add 12.5 and a4 is first by id, but B's floor
        // comes first: b2 (B 50, overall 62.5), then a4 (75).
        var plan = ReadinessForecast.PlanToFastMover(Framework, MetOnly("a1", "a2", "a3", "b1"));

        Assert.Equal(["b2", "a4"], plan);
    }

    [Fact]
    public void A_fast_mover_needs_nothing_and_is_not_at_risk()
    {
        var forecast = ReadinessForecast.Build(Framework, [On("2012-06-01", "a1", "a2", "a3", "a4", "b1", "b2")], Date("2012-07-01"));

        Assert.Equal(ForecastOutcome.FastMover, forecast.Outcome);
        Assert.Empty(forecast.CriteriaToClose);
        Assert.False(forecast.AtRisk);
    }

    [Fact]
    public void Four_criteria_closed_in_182_days_with_two_to_go_gives_91_days_and_an_80_percent_range()
    {
        var forecast = ReadinessForecast.Build(Framework,
            [On("2012-07-01", "a2", "a3", "b1", "b2"), On("2012-01-01"), On("2012-04-01", "a2", "a3")],
            Date("2012-07-15"));

        Assert.Equal(ForecastOutcome.Projected, forecast.Outcome);
        Assert.Equal(["a1", "a4"], forecast.CriteriaToClose);
        Assert.Equal(4, forecast.ClosedInWindow);
        Assert.Equal(182 / ReadinessForecast.DaysPerMonth, forecast.WindowMonths, 9);
        Assert.Equal(4 / (182 / ReadinessForecast.DaysPerMonth), forecast.ClosedPerMonth!.Value, 9);
        // 2 × 182 ÷ 4 = 91 days; 364 ÷ (4 + 1.2816 × 2) = 55.5, so 56; 364 ÷ (4 − 2.5632) = 253.3, so 254.
        Assert.Equal(Date("2012-09-30"), forecast.Expected);
        Assert.Equal(Date("2012-08-26"), forecast.Earliest);
        Assert.Equal(Date("2013-03-12"), forecast.Latest);
        Assert.False(forecast.AtRisk);
    }

    [Fact]
    public void A_range_that_ends_after_March_2013_is_at_risk()
    {
        // The same pace, but a year later: the slow end is 254 days after 1 July 2012 + 1 year.
        var forecast = ReadinessForecast.Build(Framework,
            [On("2012-07-01"), On("2012-10-01", "a2", "a3"), On("2012-12-30", "a2", "a3", "b1", "b2")],
            Date("2013-01-15"));

        Assert.Equal(ForecastOutcome.Projected, forecast.Outcome);
        Assert.Equal(Date("2012-12-30").AddDays(254), forecast.Latest);
        Assert.True(forecast.AtRisk);
    }

    [Fact]
    public void One_criterion_closed_has_no_slow_end_so_it_is_at_risk()
    {
        // 1 − 1.2816 × 1 is below nothing: at the slow end of the range it never gets there.
        var forecast = ReadinessForecast.Build(Framework, [On("2012-01-01", "b1"), On("2012-03-01", "b1", "b2")], Date("2012-03-01"));

        Assert.Equal(ForecastOutcome.Projected, forecast.Outcome);
        Assert.Equal(1, forecast.ClosedInWindow);
        Assert.NotNull(forecast.Expected);
        Assert.Null(forecast.Latest);
        Assert.True(forecast.AtRisk);
    }

    [Fact]
    public void Closing_one_and_reopening_another_is_no_progress()
    {
        var forecast = ReadinessForecast.Build(Framework, [On("2012-01-01", "b1"), On("2012-03-01", "b2")], Date("2012-03-01"));

        Assert.Equal(ForecastOutcome.NoProgress, forecast.Outcome);
        Assert.Equal(0, forecast.ClosedInWindow);
        Assert.Null(forecast.Expected);
        Assert.True(forecast.AtRisk);
    }

    [Fact]
    public void In_progress_is_not_closed_and_met_to_in_progress_is_reopened()
    {
        var before = new[] { Met("a1"), InProgress("a2") };
        var after = new[] { InProgress("a1"), InProgress("a2"), Met("a3") };

        Assert.Equal(0, ReadinessForecast.NetClosed(Framework, before, after));
        Assert.Equal(1, ReadinessForecast.NetClosed(Framework, [InProgress("a2")], [Met("a2")]));
    }

    [Fact]
    public void The_pace_counts_only_the_last_twelve_months_of_submissions()
    {
        // Three criteria closed in 2010 are older than a year before the latest submission and are not counted.
        var forecast = ReadinessForecast.Build(Framework,
            [On("2010-01-01"), On("2010-06-01", "b1", "b2", "b3"), On("2011-07-01", "b1", "b2", "b3"), On("2012-07-01", "a2", "b1", "b2", "b3")],
            Date("2012-07-01"));

        Assert.Equal(1, forecast.ClosedInWindow);
        Assert.Equal(366 / ReadinessForecast.DaysPerMonth, forecast.WindowMonths, 9);
    }

    [Fact]
    public void Submissions_after_the_reference_date_are_not_seen_and_no_date_is_before_it()
    {
        var history = new[] { On("2012-01-01"), On("2012-04-01", "a2", "a3"), On("2012-07-01", "a2", "a3", "b1", "b2"), On("2012-09-01", "a1", "a2", "a3", "a4", "b1", "b2") };

        var asAtJuly = ReadinessForecast.Build(Framework, history, Date("2012-08-01"));
        Assert.Equal(ForecastOutcome.Projected, asAtJuly.Outcome);
        Assert.Equal(Date("2012-07-01"), asAtJuly.LatestSubmittedOn);
        Assert.Equal(Date("2012-08-26"), asAtJuly.Earliest);

        // As at 1 September nothing newer was seen: 30 September is still expected, the earliest is that day.
        var lateLook = ReadinessForecast.Build(Framework, history.Take(3), Date("2012-09-10"));
        Assert.Equal(Date("2012-09-10"), lateLook.Earliest);
        Assert.Equal(Date("2012-09-30"), lateLook.Expected);

        Assert.Equal(ForecastOutcome.FastMover, ReadinessForecast.Build(Framework, history, Date("2012-09-01")).Outcome);
    }

    [Theory]
    [InlineData("2012-07-01")]
    [InlineData("2012-09-10")]
    [InlineData("2012-12-01")]
    [InlineData("2013-04-01")]
    [InlineData("2014-01-01")]
    public void A_basis_made_at_the_latest_submission_gives_the_same_dates_and_risk_as_the_forecast_at_any_later_date(string asAt)
    {
        var history = new[] { On("2012-01-01"), On("2012-04-01", "a2", "a3"), On("2012-07-01", "a2", "a3", "b1", "b2") };
        var basis = ReadinessForecast.Build(Framework, history, Date("2012-07-01")).Basis;
        Assert.Equal(new ForecastBasis(ForecastOutcome.Projected, Date("2012-07-01"), 2, 4, 182), basis);

        var forecast = ReadinessForecast.Build(Framework, history, Date(asAt));
        Assert.Equal(new ForecastRange(forecast.Expected, forecast.Earliest, forecast.Latest, forecast.AtRisk), basis.AsAt(Date(asAt)));
        Assert.Equal(Date("2013-04-01") <= Date(asAt), forecast.AtRisk);
    }

    [Theory]

    [InlineData(0, ForecastOutcome.NotAssessed)]
    [InlineData(1, ForecastOutcome.NotEnoughHistory)]
    public void Too_little_history_gives_no_date_and_is_at_risk(int submissions, ForecastOutcome outcome)
    {
        var forecast = ReadinessForecast.Build(Framework, new[] { On("2012-01-01", "b1") }.Take(submissions), Date("2012-03-01"));

        Assert.Equal(outcome, forecast.Outcome);
        Assert.Null(forecast.Expected);
        Assert.True(forecast.AtRisk);
    }

    [Fact]
    public void Submissions_less_than_four_weeks_apart_are_not_enough_history()
    {
        var forecast = ReadinessForecast.Build(Framework, [On("2012-01-01"), On("2012-01-20", "b1", "b2")], Date("2012-03-01"));

        Assert.Equal(ForecastOutcome.NotEnoughHistory, forecast.Outcome);
        Assert.Equal(["a1", "a2", "a3", "a4"], forecast.CriteriaToClose.Take(4).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void On_a_levels_framework_a_criterion_is_closed_at_the_top_level()
    {
        var levels = new FrameworkBuilder().Levels(0, 4)
            .Domain("A").Criterion("a1", "A", essential: true).Criterion("a2", "A")
            .Build();

        Assert.Equal(1, ReadinessForecast.NetClosed(levels, [Level("a1", 3)], [Level("a1", 4)]));
        Assert.Equal(0, ReadinessForecast.NetClosed(levels, [Level("a2", 1)], [Level("a2", 3)]));
        // a1 at the top (1) and a2 at 1 of 0 to 4 (0.25) make 62.5; a2 at the top makes 100.
        Assert.Equal(["a1", "a2"], ReadinessForecast.PlanToFastMover(levels, [Level("a1", 2), Level("a2", 1)]));
    }

    private static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static IReadOnlyList<CriterionResponse> MetOnly(params string[] met) =>
        All.Select(id => met.Contains(id) ? Met(id) : NotStarted(id)).ToList();

    private static ForecastSubmission On(string date, params string[] met) => new(Date(date), MetOnly(met));
}
