using System.Text.Json;
using AngleSharp.Dom;
using Bunit;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Shared;

/// <summary>
/// The status page's readiness components (track card and blockers, next steps, domain scores, score history),
/// rendered with bunit for each kind of result and read as a consortium lead would.
/// </summary>
public sealed class ReadinessStatusTests : MudComponentContext
{
    private static readonly Framework Framework = ShippedFrameworks.DefaultFramework;
    private static readonly DateTime Submitted = new(2012, 3, 15, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_fast_mover_reads_as_ready_with_its_score_and_no_blockers()
    {
        var page = Render(Readiness(Answers("met")));

        Assert.Equal("Fast mover: ready for full budgetary responsibility", Headline(page));
        Assert.Contains("Overall score 100.0", page.Nodes.QuerySelector("#track")!.Text());
        Assert.Contains("version 1 of “GP consortium transition readiness (2010)”", page.Nodes.QuerySelector("#track")!.Text());
        Assert.Contains("15 March 2012", page.Nodes.QuerySelector("#track")!.Text());
        Assert.Null(page.Nodes.QuerySelector("#blockers"));
        Assert.Equal(8, page.Nodes.QuerySelectorAll("#domain-scores tbody tr").Length);
    }

    [Fact]
    public void An_overall_score_below_the_threshold_is_explained_with_the_numbers()
    {
        // Every criterion in progress: every domain 50, overall 50, below 75; no floor fails (default floor 50), governance (60) does.
        var page = Render(Readiness(Answers("in_progress")));

        Assert.Equal("Needs support: needs development support and more time", Headline(page));
        var blockers = page.Nodes.QuerySelectorAll("#blockers li").Select(li => li.Text()).ToList();
        Assert.Contains("The overall score of 50.0 is below the 75 a fast mover needs.", blockers);
        Assert.Contains("Governance and accountability scores 50.0, below its floor of 60.", blockers);
        Assert.Contains(blockers, b => b.StartsWith("Essential criterion GOV-02 is not met: ", StringComparison.Ordinal));
        Assert.Equal("Below floor", page.Nodes.QuerySelectorAll("#domain-scores tbody tr").Single(r => r.Text().Contains("Governance")).QuerySelector(".app-tag-below")!.Text());
    }

    [Fact]
    public void An_unmet_essential_criterion_alone_is_named_and_meeting_it_is_the_first_next_step()
    {
        var answers = Answers("met").Select(a => a.CriterionId == "GOV-02" ? CriterionResponse.WithStatus("GOV-02", ResponseStatus.InProgress) : a).ToList();

        var page = Render(Readiness(answers));

        var blocker = Assert.Single(page.Nodes.QuerySelectorAll("#blockers li"));
        Assert.StartsWith("Essential criterion GOV-02 is not met", blocker.Text());
        Assert.StartsWith("Meeting GOV-02 would remove a blocker and add 2.3 points", page.Nodes.QuerySelector("#next-steps li")!.Text());
    }

    [Fact]
    public void A_domain_below_its_floor_is_named_with_its_score_and_floor()
    {
        var answers = Answers("met").Select(a => a.CriterionId.StartsWith("PAR", StringComparison.Ordinal) ? CriterionResponse.WithStatus(a.CriterionId, ResponseStatus.NotStarted) : a).ToList();

        var page = Render(Readiness(answers));

        var blockers = page.Nodes.QuerySelectorAll("#blockers li").Select(li => li.Text()).ToList();
        Assert.Contains("Partnership working scores 0.0, below its floor of 50.", blockers);
        Assert.Contains(page.Nodes.QuerySelectorAll("#next-steps li"), li => li.Text().StartsWith("Meeting PAR-01 adds", StringComparison.Ordinal));
    }

    [Fact]
    public void No_responses_reads_as_nothing_assessed()
    {
        var page = Render(Readiness([]));

        Assert.Equal("Needs support: needs development support and more time", Headline(page));
        Assert.Equal("Nothing has been assessed yet.", Assert.Single(page.Nodes.QuerySelectorAll("#blockers li")).Text());
    }

    [Fact]
    public void All_answers_not_applicable_reads_as_nothing_to_score()
    {
        var framework = FrameworkLoader.Load("""
            {"id":"small","version":1,"name":"Small","scale":"status","fastMoverThreshold":75,"domainFloor":50,
             "domains":[{"id":"a","name":"Domain A","weight":1}],"criteria":[{"id":"A-1","domain":"a","text":"One"}]}
            """).Framework!;
        var report = ReadinessReport.From(framework, ReadinessScorer.Score(framework, [CriterionResponse.WithStatus("A-1", ResponseStatus.NotApplicable)]));

        var page = Render(new ConsortiumReadiness(framework, report, Submitted, "pct.5d7@demo.test", null, []));

        Assert.Contains("There is no overall score", page.Nodes.QuerySelector("#track")!.Text());
        Assert.Equal("Every answered criterion is marked not applicable, so there is nothing to score.", Assert.Single(page.Nodes.QuerySelectorAll("#blockers li")).Text());
    }

    [Fact]
    public void A_regional_override_is_shown_beside_the_computed_track_with_reason_author_and_date()
    {
        var decision = new TrackDecision("00G", Track.NeedsSupport, Track.FastMover, "Finance director post vacant since January", "regional.q30@demo.test", new DateTime(2012, 4, 2, 9, 0, 0, DateTimeKind.Utc), previous: null);

        var page = Render(Readiness(Answers("met"), decision));

        Assert.Equal("Needs support: needs development support and more time", Headline(page));
        var track = page.Nodes.QuerySelector("#track")!.Text();
        Assert.Contains("Set by the regional lead, regional.q30@demo.test, on 2 April 2012: “Finance director post vacant since January”", track);
        Assert.Contains("Computed from the latest assessment: Fast mover", track);
    }

    [Fact]
    public void Submission_and_decision_just_after_midnight_in_summer_show_the_uk_date()
    {
        // 23:30 UTC on 31 May 2012 was 00:30 on 1 June in the UK.
        var justAfterMidnight = new DateTime(2012, 5, 31, 23, 30, 0, DateTimeKind.Utc);
        var decision = new TrackDecision("00G", Track.NeedsSupport, Track.FastMover, "Finance director post vacant", "regional.q30@demo.test", justAfterMidnight, previous: null);
        var readiness = Readiness(Answers("met"), decision) with
        {
            AssessedAtUtc = justAfterMidnight,
            History = [new HistoryPoint(justAfterMidnight, 100, Track.FastMover)],
        };

        var page = Render(readiness);

        var track = page.Nodes.QuerySelector("#track")!.Text();
        Assert.Contains("regional.q30@demo.test, on 1 June 2012", track);
        Assert.Contains("From the assessment submitted on 1 June 2012", track);
        Assert.DoesNotContain("31 May", track);
        var row = Assert.Single(page.Nodes.QuerySelectorAll("#history tbody tr"));
        Assert.Equal("1 Jun 2012", row.Children[0].Text());
    }

    [Fact]
    public void A_consortium_never_assessed_says_so_and_shows_no_scores()
    {
        var page = Render(new ConsortiumReadiness(Framework, null, null, null, null, []));

        Assert.Equal("Not assessed yet", Headline(page));
        Assert.Null(page.Nodes.QuerySelector("#domain-scores"));
        Assert.Null(page.Nodes.QuerySelector("#history"));
    }

    [Fact]
    public void History_is_a_chart_with_its_data_as_a_table_behind_a_toggle()
    {
        var history = new[]
        {
            new HistoryPoint(new DateTime(2010, 10, 15, 0, 0, 0, DateTimeKind.Utc), 42.5, Track.NeedsSupport),
            new HistoryPoint(new DateTime(2010, 11, 15, 0, 0, 0, DateTimeKind.Utc), 80, Track.FastMover),
        };

        var page = Render(Readiness(Answers("met")) with { History = history });

        Assert.NotNull(page.Find(".app-chart svg"));
        Assert.True(page.Find("#history-table").HasAttribute("hidden"));
        Assert.Equal("false", page.Find("#history-toggle").GetAttribute("aria-expanded"));

        page.Find("#history-toggle").Click();

        Assert.False(page.Find("#history-table").HasAttribute("hidden"));
        Assert.Equal("true", page.Find("#history-toggle").GetAttribute("aria-expanded"));
        Assert.Equal("Hide the data table", page.Find("#history-toggle").Text());
        Assert.Equal("Overall score and track of each submitted assessment, by the date it was submitted", page.Find("#history caption").Text());
        Assert.Equal(["15 Oct 2010 42.5 Needs support", "15 Nov 2010 80.0 Fast mover"], page.FindAll("#history tbody tr").Select(r => r.Text()).ToArray());
    }

    [Fact]
    public void Two_submissions_in_one_month_are_told_apart_by_date_and_charted_at_their_dates()
    {
        var history = new[]
        {
            new HistoryPoint(new DateTime(2013, 3, 15, 10, 0, 0, DateTimeKind.Utc), 70, Track.NeedsSupport),
            new HistoryPoint(new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc), 74, Track.NeedsSupport),
            new HistoryPoint(new DateTime(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc), 80, Track.FastMover),
        };

        var page = Render(Readiness(Answers("met")) with { History = history });

        var rows = page.Nodes.QuerySelectorAll("#history tbody tr");
        Assert.Equal(["15 Mar 2013", "1 Dec 2026", "4 Dec 2026"], rows.Select(r => r.Children[0].Text()).ToArray());
        Assert.Equal(["2013-03-15", "2026-12-01", "2026-12-04"], rows.Select(r => r.GetAttribute("data-date") ?? "").ToArray());
    }

    [Fact]
    public void A_fast_mover_is_told_what_would_raise_its_score_not_what_would_move_it()
    {
        var answers = Answers("met").Select(a => a.CriterionId == "PAR-01" ? CriterionResponse.WithStatus("PAR-01", ResponseStatus.InProgress) : a).ToList();

        var page = Render(Readiness(answers));

        Assert.StartsWith("Fast mover", Headline(page), StringComparison.Ordinal);
        Assert.NotEmpty(page.Nodes.QuerySelectorAll("#next-steps li"));
        Assert.Equal("What would raise the score further", page.Nodes.QuerySelector("#next-steps-heading")!.Text());
    }

    [Fact]
    public void A_consortium_that_needs_support_is_told_what_would_move_it()
    {
        var page = Render(Readiness(Answers("in_progress")));

        Assert.Equal("What would move it", page.Nodes.QuerySelector("#next-steps-heading")!.Text());
    }

    [Fact]
    public void The_domain_named_in_the_address_is_expanded_with_its_criteria_and_a_domain_link_opens_another()
    {
        var answers = Answers("met").Select(a => a.CriterionId == "GOV-02" ? CriterionResponse.WithStatus("GOV-02", ResponseStatus.InProgress) : a).ToList();

        var page = Render(Readiness(answers), openDomain: "governance");

        Assert.Equal(["domain-governance"], page.FindAll(".mud-panel-expanded").Select(p => p.Id ?? "").ToArray());
        var governance = page.FindAll("ul[data-domain=governance] li").Select(li => li.Text()).ToList();
        Assert.Contains(governance, li => li.StartsWith("GOV-02 ", StringComparison.Ordinal) && li.Contains("Essential") && li.Contains("Not met: blocks fast mover"));
        Assert.Contains(governance, li => li.StartsWith("GOV-01 ", StringComparison.Ordinal) && li.Contains("Met or not applicable."));

        page.FindAll("#domain-scores tbody a").Single(a => a.Text() == "Financial management").Click();

        Assert.Equal(["domain-governance", "domain-financial-management"], page.FindAll(".mud-panel-expanded").Select(p => p.Id ?? "").ToArray());
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

    // The parts of the status page that show the readiness, in one fragment, as the page lays them out.
    private IRenderedComponent<ReadinessParts> Render(ConsortiumReadiness readiness, string? openDomain = null) =>
        RenderInteractive<ReadinessParts>(p => p.Add(c => c.Readiness, ReadinessView.From(readiness)).Add(c => c.OpenDomain, openDomain));

    private static string Headline(IRenderedComponent<ReadinessParts> page) => page.Find(".app-track-headline").Text();
}

/// <summary>The readiness parts of the status page in the order the page shows them (header, overview, readiness, history tabs).</summary>
public sealed class ReadinessParts : Microsoft.AspNetCore.Components.ComponentBase
{
    [Microsoft.AspNetCore.Components.Parameter]
    public ReadinessView Readiness { get; set; } = default!;

    [Microsoft.AspNetCore.Components.Parameter]
    public string? OpenDomain { get; set; }

    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
        builder.OpenComponent<ReadinessStatus>(0);
        builder.AddComponentParameter(1, nameof(ReadinessStatus.Readiness), Readiness);
        builder.CloseComponent();
        builder.OpenComponent<NextStepList>(2);
        builder.AddComponentParameter(3, nameof(NextStepList.Readiness), Readiness);
        builder.CloseComponent();
        if (Readiness.Domains.Count > 0)
        {
            builder.OpenComponent<DomainScores>(4);
            builder.AddComponentParameter(5, nameof(DomainScores.Readiness), Readiness);
            builder.AddComponentParameter(6, nameof(DomainScores.OpenDomain), OpenDomain);
            builder.CloseComponent();
        }

        if (Readiness.History.Count > 0)
        {
            builder.OpenComponent<ScoreHistory>(7);
            builder.AddComponentParameter(8, nameof(ScoreHistory.History), Readiness.History);
            builder.AddComponentParameter(9, nameof(ScoreHistory.Threshold), Readiness.FastMoverThreshold);
            builder.CloseComponent();
        }
    }
}
