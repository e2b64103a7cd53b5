using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Forecasts;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Forecasting;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Tests.Forecasts;

/// <summary>
/// A consortium's forecast through the use case: the submitted answers it reads are the ones in the database, as at
/// the date the dashboards use, within the reader's scope.
/// </summary>
public sealed class ConsortiumForecastsTests : IAsyncLifetime
{
    private ApplicationHost? _host;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("2013-03-31")]
    [InlineData("2012-06-30")]
    public async Task The_forecast_is_the_model_on_the_answers_submitted_by_the_reference_date(string asAt)
    {
        var date = DateOnly.Parse(asAt, System.Globalization.CultureInfo.InvariantCulture);
        var host = Host(asAt);
        var lead = await host.UserAsync(Demo.ConsortiumLead);

        var view = await host.RunAsync<ConsortiumForecasts, ForecastView?>(f => f.GetAsync(lead, Demo.LeadsConsortium.ToLowerInvariant(), CancellationToken.None));

        Assert.NotNull(view);
        Assert.Equal(Demo.LeadsConsortium, view.ConsortiumCode);
        Assert.Equal(date, view.AsAt);
        var framework = (await host.RunAsync<ConsortiumReadinessReader, ConsortiumReadiness?>(r => r.ReadAsync(lead, Demo.LeadsConsortium, CancellationToken.None)))!.Framework;
        var expected = ReadinessForecast.Build(framework, await SubmittedAsync(host, Demo.LeadsConsortium), date);
        Assert.Equal(expected.Outcome, view.Forecast.Outcome);
        Assert.Equal(expected.LatestSubmittedOn, view.Forecast.LatestSubmittedOn);
        Assert.True(view.Forecast.LatestSubmittedOn <= date);
        Assert.Equal(expected.CriteriaToClose, view.Forecast.CriteriaToClose);
        Assert.Equal(expected.CriteriaToClose, view.CriteriaToClose.Select(c => c.Id));
        Assert.All(view.CriteriaToClose, c => Assert.Equal(framework.FindCriterion(c.Id)!.Text, c.Text));
        Assert.Equal((expected.ClosedInWindow, expected.Expected, expected.Earliest, expected.Latest, expected.AtRisk),
            (view.Forecast.ClosedInWindow, view.Forecast.Expected, view.Forecast.Earliest, view.Forecast.Latest, view.Forecast.AtRisk));
        Assert.False(string.IsNullOrWhiteSpace(view.Summary));
    }

    [Fact]
    public async Task Out_of_scope_unknown_and_signed_out_get_nothing()
    {
        var host = Host("2013-03-31");
        var manager = await host.UserAsync(Demo.PctManager);
        var regional = await host.UserAsync(Demo.RegionalLead);

        Assert.NotNull(await host.RunAsync<ConsortiumForecasts, ForecastView?>(f => f.GetAsync(manager, Demo.ManagedConsortium, CancellationToken.None)));
        Assert.Null(await host.RunAsync<ConsortiumForecasts, ForecastView?>(f => f.GetAsync(manager, Demo.OtherConsortium, CancellationToken.None)));
        Assert.Null(await host.RunAsync<ConsortiumForecasts, ForecastView?>(f => f.GetAsync(regional, Demo.OtherRegionConsortium, CancellationToken.None)));
        Assert.Null(await host.RunAsync<ConsortiumForecasts, ForecastView?>(f => f.GetAsync(null, Demo.ManagedConsortium, CancellationToken.None)));
        Assert.Null(await host.RunAsync<ConsortiumForecasts, ForecastView?>(f => f.GetAsync(regional, "ZZZ", CancellationToken.None)));
        Assert.Null(await host.RunAsync<ConsortiumForecasts, ForecastView?>(f => f.GetAsync(regional, "<script>", CancellationToken.None)));
    }

    [Fact]
    public async Task A_decision_that_makes_it_a_fast_mover_takes_it_out_of_risk()
    {
        var host = Host("2013-03-31");
        var regional = await host.UserAsync(Demo.RegionalLead);
        var atRisk = await FirstAtRiskAsync(host, regional);

        await using (var db = host.OpenContext())
        {
            var previous = await db.TrackDecisions.Where(d => d.ConsortiumCode == atRisk).OrderByDescending(d => d.Id).FirstOrDefaultAsync();
            db.TrackDecisions.Add(new TrackDecision(atRisk, Track.FastMover, Track.NeedsSupport, "Ready in every way that matters", "regional lead", new DateTime(2013, 3, 1, 12, 0, 0, DateTimeKind.Utc), previous));
            await db.SaveChangesAsync();
        }

        var after = await host.RunAsync<ConsortiumForecasts, ForecastView?>(f => f.GetAsync(regional, atRisk, CancellationToken.None));
        Assert.True(after!.DecidedFastMover);
        Assert.False(after.AtRisk);
        Assert.Equal("Its regional lead has decided it is a fast mover.", after.Summary);
    }

    [Theory]
    [InlineData("2013-03-31")]
    [InlineData("2012-06-30")]
    [InlineData("2013-06-30")]
    public async Task The_region_grid_gives_each_consortium_the_status_pages_forecast_and_its_filter_splits_them_alike(string asAt)
    {
        var date = DateOnly.Parse(asAt, System.Globalization.CultureInfo.InvariantCulture);
        var host = Host(asAt);
        var regional = await host.UserAsync(Demo.RegionalLead);

        // A decision made in the past (so counted at every date here) and a submission made today (after every date
        // here: the stored forecast is then later than the reference date and is worked out again as at it).
        await using (var db = host.OpenContext())
        {
            db.TrackDecisions.Add(new TrackDecision(Demo.OtherConsortium, Track.FastMover, Track.NeedsSupport, "Ready", "regional lead", new DateTime(2011, 3, 1, 12, 0, 0, DateTimeKind.Utc), null));
            var latest = await db.Assessments.Include(a => a.Responses)
                .Where(a => a.ConsortiumCode == Demo.LeadsConsortium && a.FrameworkId == AssessmentWorkflow.DefaultFramework && a.Status == AssessmentStatus.Submitted)
                .OrderByDescending(a => a.SubmittedAtUtc).FirstAsync();
            var framework = ShippedFrameworks.DefaultFramework;
            var today = Assessment.StartFrom(latest, Demo.LeadsConsortium, framework, "lead", DateTime.UtcNow);
            foreach (var criterion in framework.Criteria)
            {
                today.Answer(criterion.Id, framework.Scale == FrameworkScale.Levels ? null : ResponseStatus.Met, framework.Scale == FrameworkScale.Levels ? framework.MaxLevel : null, null, "lead", DateTime.UtcNow);
            }

            today.Submit(ReadinessScorer.Score(framework, today.CriterionResponses()), "{}", "lead", DateTime.UtcNow);
            db.Assessments.Add(today);
            await db.SaveChangesAsync();
        }

        var rows = new List<ConsortiumStanding>();
        for (var page = 1; ; page++)
        {
            var table = (await host.RunAsync<RegionDashboard, RegionTableView?>(d => d.RegionTableAsync(regional, Demo.Region, new RegionDashboardRequest(Page: page.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None)))!.Table;
            rows.AddRange(table.Rows);
            if (page >= table.PageCount)
            {
                break;
            }
        }

        Assert.Contains(rows, r => r.Code == Demo.LeadsConsortium);
        foreach (var row in rows)
        {
            var view = (await host.RunAsync<ConsortiumForecasts, ForecastView?>(f => f.GetAsync(regional, row.Code, CancellationToken.None)))!;
            var range = row.Forecast.AsAt(date);
            Assert.Equal(
                (row.Code, view.Forecast.Outcome, view.Forecast.LatestSubmittedOn, view.Forecast.Expected, view.Forecast.Earliest, view.Forecast.Latest, view.AtRisk),
                (row.Code, row.ForecastOutcome, row.ForecastFrom, range.Expected, range.Earliest, range.Latest, row.ForecastAtRisk));
        }

        Assert.Contains(rows, r => r.ForecastAtRisk);
        var atRisk = await CodesAsync(host, regional, ConsortiumTableQuery.AtRiskWire);
        var onCourse = await CodesAsync(host, regional, ConsortiumTableQuery.OnCourseWire);
        Assert.Equal(rows.Where(r => r.ForecastAtRisk).Select(r => r.Code).Order(), atRisk.Order());
        Assert.Equal(rows.Where(r => !r.ForecastAtRisk).Select(r => r.Code).Order(), onCourse.Order());
        Assert.DoesNotContain(Demo.OtherConsortium, atRisk);

        var noted = (await host.RunAsync<RegionDashboard, RegionTableView?>(d => d.RegionTableAsync(regional, Demo.Region, new RegionDashboardRequest(Forecast: "soon"), CancellationToken.None)))!;
        Assert.Null(noted.Query.AtRisk);
        Assert.Contains(noted.Notes, n => n.Contains("“soon” is not a forecast filter", StringComparison.Ordinal));
    }

    private static async Task<List<string>> CodesAsync(ApplicationHost host, TransitionTracker.Application.Access.ActingUser regional, string forecast)
    {
        var codes = new List<string>();
        for (var page = 1; ; page++)
        {
            var table = (await host.RunAsync<RegionDashboard, RegionTableView?>(d => d.RegionTableAsync(regional, Demo.Region, new RegionDashboardRequest(Page: page.ToString(System.Globalization.CultureInfo.InvariantCulture), Forecast: forecast), CancellationToken.None)))!.Table;
            codes.AddRange(table.Rows.Select(r => r.Code));
            if (page >= table.PageCount)
            {
                return codes;
            }
        }
    }

    private static async Task<string> FirstAtRiskAsync(ApplicationHost host, TransitionTracker.Application.Access.ActingUser regional)
    {
        await using var db = host.OpenContext();
        var codes = await db.Consortia.Where(c => c.RegionCode == Demo.Region).Select(c => c.Code).OrderBy(c => c).ToListAsync();
        foreach (var code in codes)
        {
            var view = await host.RunAsync<ConsortiumForecasts, ForecastView?>(f => f.GetAsync(regional, code, CancellationToken.None));
            if (view is { AtRisk: true, DecidedFastMover: false })
            {
                return code;
            }
        }

        throw new InvalidOperationException($"No consortium of {Demo.Region} is at risk in the demo data.");
    }

    // Read outside the use case: every submitted readiness assessment with its answered criteria, on its UK date.
    private static async Task<List<ForecastSubmission>> SubmittedAsync(ApplicationHost host, string code)
    {
        await using var db = host.OpenContext();
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Responses)
            .Where(a => a.ConsortiumCode == code && a.FrameworkId == AssessmentWorkflow.DefaultFramework && a.Status == AssessmentStatus.Submitted)
            .ToListAsync();
        return assessments.Select(a => new ForecastSubmission(UkCalendar.DateOf(a.SubmittedAtUtc!.Value), a.CriterionResponses())).ToList();
    }

    private ApplicationHost Host(string referenceDate)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DashboardReferenceDate.SettingName] = referenceDate }).Build();
        _host = new ApplicationHost(services: s => s.AddSingleton(new DashboardReferenceDate(settings, TimeProvider.System)));
        return _host;
    }
}
