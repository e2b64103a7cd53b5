using Bunit;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Components.Pages.Consortia.Assessments;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Assessments;

/// <summary>
/// A past assessment's "What changed since …": the score, the track and each domain's score before and after, the
/// changed criteria with a count, and a switch between the changes only and every answer.
/// </summary>
public sealed class ChangesSincePreviousTests : MudComponentContext
{
    private static readonly DateTime Previous = new(2011, 5, 12, 10, 0, 0, DateTimeKind.Utc);

    private static readonly AnswerChanges Changes = new(
        41, Previous, 1, 55.0, 62.5, Track.NeedsSupport, Track.FastMover,
        [
            new AnswerChanges.DomainChange("governance", "Governance and accountability", 50.0, 70.0),
            new AnswerChanges.DomainChange("workforce", "Workforce and skills transfer", 60.0, 60.0),
        ],
        [
            new AnswerChanges.CriterionChange("GOV-01", "The board is constituted.", "Governance and accountability", "In progress", "Met", false),
            new AnswerChanges.CriterionChange("GOV-02", "A register of interests is kept.", "Governance and accountability", "Met", "Met", false),
            new AnswerChanges.CriterionChange("WOR-01", "Staff transfer is planned.", "Workforce and skills transfer", "Met", "Met", true),
            new AnswerChanges.CriterionChange("GOV-99", "The register is published.", "Governance and accountability", null, "Not answered", false),
            new AnswerChanges.CriterionChange("QUA-09", "A dropped criterion.", "Quality and performance during transition", "Met", null, false),
        ]);

    [Fact]
    public void The_changes_are_listed_with_a_count_and_the_switch_shows_every_answer_and_back()
    {
        var cut = RenderInteractive<ChangesSincePrevious>(p => p
            .Add(c => c.Changes, Changes).Add(c => c.AssessmentId, 42).Add(c => c.FrameworkVersion, 2));

        Assert.Equal("What changed since 12 May 2011", cut.Find("#changes-42").TextContent.Trim());
        Assert.Equal("changes-42", cut.Find("section.app-changes").GetAttribute("aria-labelledby"));
        Assert.Equal("4 criteria of 5 changed since 12 May 2011.", cut.Find(".app-changes__count").TextContent.Trim());
        Assert.Equal("Answers changed since 12 May 2011", Caption(cut));
        Assert.Equal(["GOV-01", "WOR-01", "GOV-99", "QUA-09"], Rows(cut));
        Assert.Equal(["The board is constituted. (Governance and accountability)", "In progress", "Met", "Unchanged"], Cells(cut, "GOV-01"));
        Assert.Equal("Changed", Cells(cut, "WOR-01")[3]);
        Assert.Equal(["Not in that version", "Not answered", "–"], Cells(cut, "GOV-99")[1..]);
        Assert.Equal(["Met", "No longer in the framework", "–"], Cells(cut, "QUA-09")[1..]);
        Assert.All(cut.FindAll(".app-changes__criteria td"), td => Assert.False(string.IsNullOrEmpty(td.GetAttribute("data-label"))));

        cut.Find(".app-changes__toggle input").Change(true);

        Assert.Equal("Every answer, compared with 12 May 2011", Caption(cut));
        Assert.Equal(["GOV-01", "GOV-02", "WOR-01", "GOV-99", "QUA-09"], Rows(cut));
        Assert.Equal(["Met", "Met", "Unchanged"], Cells(cut, "GOV-02")[1..]);
        Assert.DoesNotContain("app-change--changed", cut.Find("tr[data-criterion=GOV-02]").ClassList);
        Assert.Contains("app-change--changed", cut.Find("tr[data-criterion=GOV-01]").ClassList);

        cut.Find(".app-changes__toggle input").Change(false);

        Assert.Equal(["GOV-01", "WOR-01", "GOV-99", "QUA-09"], Rows(cut));
    }

    [Fact]
    public void The_score_track_framework_version_and_domain_scores_are_given_before_and_after()
    {
        var cut = RenderInteractive<ChangesSincePrevious>(p => p
            .Add(c => c.Changes, Changes).Add(c => c.AssessmentId, 42).Add(c => c.FrameworkVersion, 2));

        Assert.Equal("Overall score: 55.0 on 12 May 2011, 62.5 in this assessment (up 7.5).", Item(cut, "score"));
        Assert.Equal("Track: Needs support on 12 May 2011, Fast mover in this assessment.", Item(cut, "track"));
        Assert.Equal("The earlier assessment used version 1 of the framework and this one version 2: 1 criterion is new and 1 criterion is gone.", Item(cut, "framework"));
        Assert.Equal("Domain scores on 12 May 2011 and in this assessment", cut.Find(".app-changes__domains caption").TextContent.Trim());
        Assert.Equal(["Governance and accountability", "50.0", "70.0", "up 20.0"], DomainCells(cut, "governance"));
        Assert.Equal(["Workforce and skills transfer", "60.0", "60.0", "no change"], DomainCells(cut, "workforce"));
    }

    [Fact]
    public void With_nothing_changed_it_says_so_and_the_same_version_and_track_are_as_before()
    {
        var same = Changes with
        {
            ScoreAfter = 55.0,
            TrackAfter = Track.NeedsSupport,
            Criteria = [Changes.Criteria[1]],
        };

        var cut = RenderInteractive<ChangesSincePrevious>(p => p
            .Add(c => c.Changes, same).Add(c => c.AssessmentId, 42).Add(c => c.FrameworkVersion, 1));

        Assert.Equal("0 criteria of 1 changed since 12 May 2011.", cut.Find(".app-changes__count").TextContent.Trim());
        Assert.Equal("No answer and no evidence note changed.", cut.Find(".app-changes__none").TextContent.Trim());
        Assert.Empty(cut.FindAll(".app-changes__criteria"));
        Assert.Equal("Overall score: 55.0, as on 12 May 2011.", Item(cut, "score"));
        Assert.Equal("Track: Needs support, as on 12 May 2011.", Item(cut, "track"));
        Assert.Empty(cut.FindAll("[data-change=framework]"));

        cut.Find(".app-changes__toggle input").Change(true);

        Assert.Equal(["GOV-02"], Rows(cut));
    }

    [Fact]
    public void The_first_assessment_says_there_is_no_earlier_one()
    {
        var cut = RenderInteractive<ChangesSincePrevious>(p => p.Add(c => c.Changes, null).Add(c => c.AssessmentId, 7).Add(c => c.FrameworkVersion, 1));

        Assert.Equal("What changed", cut.Find("h2#changes-7").TextContent.Trim());
        Assert.Contains("no earlier one to compare it with", cut.Find(".app-changes__first").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("table"));
        Assert.Empty(cut.FindAll("input"));
    }

    private static string Caption(IRenderedComponent<ChangesSincePrevious> cut) => cut.Find(".app-changes__criteria caption").TextContent.Trim();

    private static List<string?> Rows(IRenderedComponent<ChangesSincePrevious> cut) =>
        cut.FindAll(".app-changes__criteria tbody tr").Select(r => r.GetAttribute("data-criterion")).ToList();

    // The criterion cell without its id, then the before, after and evidence cells.
    private static string[] Cells(IRenderedComponent<ChangesSincePrevious> cut, string criterion)
    {
        var cells = cut.FindAll($".app-changes__criteria tr[data-criterion={criterion}] td").Select(td => Normalise(td.TextContent)).ToArray();
        cells[0] = cells[0][(criterion.Length + 1)..];
        return cells;
    }

    private static string[] DomainCells(IRenderedComponent<ChangesSincePrevious> cut, string domain) =>
        cut.FindAll($".app-changes__domains tr[data-domain={domain}] td").Select(td => Normalise(td.TextContent)).ToArray();

    private static string Item(IRenderedComponent<ChangesSincePrevious> cut, string change) => Normalise(cut.Find($"[data-change={change}]").TextContent);

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
