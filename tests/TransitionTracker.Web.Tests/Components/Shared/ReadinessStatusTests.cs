using System.Text.Json;
using AngleSharp.Dom;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Shared;

/// <summary>The status page's readiness section, rendered for each kind of result, read as a consortium lead would.</summary>
public sealed class ReadinessStatusTests
{
    private static readonly Framework Framework = ShippedFrameworks.DefaultFramework;
    private static readonly DateTime Submitted = new(2012, 3, 15, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_fast_mover_reads_as_ready_with_its_score_and_no_blockers()
    {
        var page = await RenderAsync(Readiness(Answers("met")));

        Assert.Equal("Fast mover: ready for full budgetary responsibility", Headline(page));
        Assert.Contains("Overall score 100.0", page.QuerySelector("#track")!.Text());
        Assert.Contains("version 1 of “GP consortium transition readiness (2010)”", page.QuerySelector("#track")!.Text());
        Assert.Contains("15 March 2012", page.QuerySelector("#track")!.Text());
        Assert.Null(page.QuerySelector("#blockers"));
        Assert.Equal(8, page.QuerySelectorAll("#domain-scores tbody tr").Length);
    }

    [Fact]
    public async Task An_overall_score_below_the_threshold_is_explained_with_the_numbers()
    {
        // Every criterion in progress: every domain 50, overall 50, below 75; no floor fails (default floor 50), governance (60) does.
        var page = await RenderAsync(Readiness(Answers("in_progress")));

        Assert.Equal("Needs support: needs development support and more time", Headline(page));
        var blockers = page.QuerySelectorAll("#blockers li").Select(li => li.Text()).ToList();
        Assert.Contains("The overall score of 50.0 is below the 75 a fast mover needs.", blockers);
        Assert.Contains("Governance and accountability scores 50.0, below its floor of 60.", blockers);
        Assert.Contains(blockers, b => b.StartsWith("Essential criterion GOV-02 is not met: ", StringComparison.Ordinal));
        Assert.Equal("Below floor", page.QuerySelectorAll("#domain-scores tbody tr").Single(r => r.Text().Contains("Governance")).QuerySelector(".nhsuk-tag")!.Text());
    }

    [Fact]
    public async Task An_unmet_essential_criterion_alone_is_named_and_meeting_it_is_the_first_next_step()
    {
        var answers = Answers("met").Select(a => a.CriterionId == "GOV-02" ? CriterionResponse.WithStatus("GOV-02", ResponseStatus.InProgress) : a).ToList();

        var page = await RenderAsync(Readiness(answers));

        var blocker = Assert.Single(page.QuerySelectorAll("#blockers li"));
        Assert.StartsWith("Essential criterion GOV-02 is not met", blocker.Text());
        Assert.StartsWith("Meeting GOV-02 would remove a blocker and add 2.3 points", page.QuerySelector("#next-steps li")!.Text());
    }

    [Fact]
    public async Task A_domain_below_its_floor_is_named_with_its_score_and_floor()
    {
        var answers = Answers("met").Select(a => a.CriterionId.StartsWith("PAR", StringComparison.Ordinal) ? CriterionResponse.WithStatus(a.CriterionId, ResponseStatus.NotStarted) : a).ToList();

        var page = await RenderAsync(Readiness(answers));

        var blockers = page.QuerySelectorAll("#blockers li").Select(li => li.Text()).ToList();
        Assert.Contains("Partnership working scores 0.0, below its floor of 50.", blockers);
        Assert.Contains(page.QuerySelectorAll("#next-steps li"), li => li.Text().StartsWith("Meeting PAR-01 adds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_responses_reads_as_nothing_assessed()
    {
        var page = await RenderAsync(Readiness([]));

        Assert.Equal("Needs support: needs development support and more time", Headline(page));
        Assert.Equal("Nothing has been assessed yet.", Assert.Single(page.QuerySelectorAll("#blockers li")).Text());
    }

    [Fact]
    public async Task All_answers_not_applicable_reads_as_nothing_to_score()
    {
        var framework = FrameworkLoader.Load("""
            {"id":"small","version":1,"name":"Small","scale":"status","fastMoverThreshold":75,"domainFloor":50,
             "domains":[{"id":"a","name":"Domain A","weight":1}],"criteria":[{"id":"A-1","domain":"a","text":"One"}]}
            """).Framework!;
        var report = ReadinessReport.From(framework, ReadinessScorer.Score(framework, [CriterionResponse.WithStatus("A-1", ResponseStatus.NotApplicable)]));

        var page = await RenderAsync(new ConsortiumReadiness(framework, report, Submitted, "pct.5d7@demo.test", null, []));

        Assert.Contains("There is no overall score", page.QuerySelector("#track")!.Text());
        Assert.Equal("Every answered criterion is marked not applicable, so there is nothing to score.", Assert.Single(page.QuerySelectorAll("#blockers li")).Text());
    }

    [Fact]
    public async Task A_regional_override_is_shown_beside_the_computed_track_with_reason_author_and_date()
    {
        var decision = new TrackDecision("00G", Track.NeedsSupport, Track.FastMover, "Finance director post vacant since January", "regional.q30@demo.test", new DateTime(2012, 4, 2, 9, 0, 0, DateTimeKind.Utc), previous: null);

        var page = await RenderAsync(Readiness(Answers("met"), decision));

        Assert.Equal("Needs support: needs development support and more time", Headline(page));
        var track = page.QuerySelector("#track")!.Text();
        Assert.Contains("Set by the regional lead, regional.q30@demo.test, on 2 April 2012: “Finance director post vacant since January”", track);
        Assert.Contains("Computed from the latest assessment: Fast mover", track);
    }

    [Fact]
    public async Task Submission_and_decision_just_after_midnight_in_summer_show_the_uk_date()
    {
        // 23:30 UTC on 31 May 2012 was 00:30 on 1 June in the UK.
        var justAfterMidnight = new DateTime(2012, 5, 31, 23, 30, 0, DateTimeKind.Utc);
        var decision = new TrackDecision("00G", Track.NeedsSupport, Track.FastMover, "Finance director post vacant", "regional.q30@demo.test", justAfterMidnight, previous: null);
        var readiness = Readiness(Answers("met"), decision) with
        {
            AssessedAtUtc = justAfterMidnight,
            History = [new HistoryPoint(justAfterMidnight, 100, Track.FastMover)],
        };

        var page = await RenderAsync(readiness);

        var track = page.QuerySelector("#track")!.Text();
        Assert.Contains("regional.q30@demo.test, on 1 June 2012", track);
        Assert.Contains("From the assessment submitted on 1 June 2012", track);
        Assert.DoesNotContain("31 May", track);
        var row = Assert.Single(page.QuerySelectorAll("table#history tbody tr"));
        Assert.Equal("1 Jun 2012", row.Children[0].Text());
    }

    [Fact]
    public async Task A_consortium_never_assessed_says_so_and_shows_no_scores()
    {
        var page = await RenderAsync(new ConsortiumReadiness(Framework, null, null, null, null, []));

        Assert.Equal("Not assessed yet", Headline(page));
        Assert.Null(page.QuerySelector("#domain-scores"));
        Assert.Null(page.QuerySelector("#history"));
    }

    [Fact]
    public async Task History_is_a_table_the_chart_is_drawn_from()
    {
        var history = new[]
        {
            new HistoryPoint(new DateTime(2010, 10, 15, 0, 0, 0, DateTimeKind.Utc), 42.5, Track.NeedsSupport),
            new HistoryPoint(new DateTime(2010, 11, 15, 0, 0, 0, DateTimeKind.Utc), 80, Track.FastMover),
        };

        var page = await RenderAsync(Readiness(Answers("met")) with { History = history });

        var table = page.QuerySelector("table#history")!;
        Assert.Equal("line", table.GetAttribute("data-chart"));
        Assert.Equal(["15 Oct 2010 42.5 Needs support", "15 Nov 2010 80.0 Fast mover"], table.QuerySelectorAll("tbody tr").Select(r => r.Text()).ToArray());
    }

    [Fact]
    public async Task Two_submissions_in_one_month_are_told_apart_by_date_and_charted_at_their_dates()
    {
        var history = new[]
        {
            new HistoryPoint(new DateTime(2013, 3, 15, 10, 0, 0, DateTimeKind.Utc), 70, Track.NeedsSupport),
            new HistoryPoint(new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc), 74, Track.NeedsSupport),
            new HistoryPoint(new DateTime(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc), 80, Track.FastMover),
        };

        var page = await RenderAsync(Readiness(Answers("met")) with { History = history });

        var rows = page.QuerySelectorAll("table#history tbody tr");
        Assert.Equal(["15 Mar 2013", "1 Dec 2026", "4 Dec 2026"], rows.Select(r => r.Children[0].Text()).ToArray());
        Assert.Equal(["2013-03-15", "2026-12-01", "2026-12-04"], rows.Select(r => r.GetAttribute("data-chart-date")!).ToArray());
    }

    [Fact]
    public async Task A_fast_mover_is_told_what_would_raise_its_score_not_what_would_move_it()
    {
        var answers = Answers("met").Select(a => a.CriterionId == "PAR-01" ? CriterionResponse.WithStatus("PAR-01", ResponseStatus.InProgress) : a).ToList();

        var page = await RenderAsync(Readiness(answers));

        Assert.StartsWith("Fast mover", Headline(page), StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("#next-steps li"));
        Assert.Equal("What would raise the score further", page.QuerySelector("#next-steps-heading")!.Text());
    }

    [Fact]
    public async Task A_consortium_that_needs_support_is_told_what_would_move_it()
    {
        var page = await RenderAsync(Readiness(Answers("in_progress")));

        Assert.Equal("What would move it", page.QuerySelector("#next-steps-heading")!.Text());
    }

    private static List<CriterionResponse> Answers(string status)
    {
        WireNames.TryParseResponseStatus(status, out var parsed);
        return Framework.Criteria.Select(c => CriterionResponse.WithStatus(c.Id, parsed)).ToList();
    }

    private static ConsortiumReadiness Readiness(IReadOnlyList<CriterionResponse> answers, TrackDecision? decision = null)
    {
        var report = ReadinessReport.From(Framework, ReadinessScorer.Score(Framework, answers));

        // Stored and read back as the status page does, so the JSON shape is part of what is tested.
        var stored = JsonSerializer.Deserialize<ReadinessReport>(JsonSerializer.Serialize(report, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;
        return new ConsortiumReadiness(Framework, stored, Submitted, "pct.5d7@demo.test", decision, [new HistoryPoint(Submitted, stored.Score, decision?.Track ?? Track.FastMover)]);
    }

    private static Task<IDocument> RenderAsync(ConsortiumReadiness readiness) =>
        ComponentRenderer.RenderAsync<ReadinessStatus>(new Dictionary<string, object?> { [nameof(ReadinessStatus.Readiness)] = readiness });

    private static string Headline(IDocument page) => page.QuerySelector(".app-track-headline")!.Text();
}
