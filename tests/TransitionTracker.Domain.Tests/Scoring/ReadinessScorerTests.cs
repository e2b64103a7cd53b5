using TransitionTracker.Domain.Scoring;
using static TransitionTracker.Domain.Tests.Scoring.Answers;

namespace TransitionTracker.Domain.Tests.Scoring;

public class ReadinessScorerTests
{
    /// <summary>Tolerance for comparing unrounded scores written by hand as fractions.</summary>
    private const double Exact = 1e-9;

    [Fact]
    public void Threshold_hit_exactly_is_fast_mover()
    {
        var framework = new FrameworkBuilder().Threshold(75).DomainFloor(50)
            .Domain("d").Criterion("A", "d").Criterion("B", "d").Criterion("C", "d").Criterion("D", "d")
            .Build();

        // d = 100 × (1 + 1 + 0.5 + 0.5) / 4 = 75; overall = 75 = threshold.
        var result = ReadinessScorer.Score(framework, [Met("A"), Met("B"), InProgress("C"), InProgress("D")]);

        Assert.Equal(75.0, result.Score);
        Assert.Equal(Track.FastMover, result.Track);
        Assert.Empty(result.Blockers);
    }

    [Fact]
    public void Threshold_reached_on_paper_but_missed_by_floating_point_error_is_fast_mover()
    {
        var framework = new FrameworkBuilder().Threshold(75).DomainFloor(50)
            .Domain("x", weight: 0.1).Domain("y", weight: 0.2)
            .Criterion("X1", "x", weight: 7).Criterion("X2", "x", weight: 3)
            .Criterion("Y1", "y", weight: 31).Criterion("Y2", "y", weight: 9)
            .Build();

        // x = 100 × 7/10 = 70; y = 100 × 31/40 = 77.5; overall = (0.1 × 70 + 0.2 × 77.5) / 0.3 = 22.5 / 0.3 = 75,
        // which binary doubles compute as 74.99999999999999.
        var result = ReadinessScorer.Score(framework, [Met("X1"), NotStarted("X2"), Met("Y1"), NotStarted("Y2")]);

        Assert.True(result.ExactScore < 75, "the example must actually land below 75 in floating point");
        Assert.Equal(75.0, result.Score);
        Assert.Equal(Track.FastMover, result.Track);
    }

    [Fact]
    public void Overall_below_threshold_is_needs_support_with_threshold_blocker()
    {
        var framework = new FrameworkBuilder().Threshold(75).DomainFloor(50)
            .Domain("d").Criterion("A", "d").Criterion("B", "d").Criterion("C", "d")
            .Build();

        // d = 100 × 2/3 = 66.67 ≥ floor 50, but overall 66.67 < 75.
        var result = ReadinessScorer.Score(framework, [Met("A"), Met("B"), NotStarted("C")]);

        Assert.Equal(66.7, result.Score);
        Assert.Equal(200.0 / 3, result.ExactScore!.Value, Exact);
        Assert.Equal(Track.NeedsSupport, result.Track);
        Assert.Equal([new Blocker(BlockerKind.OverallThreshold)], result.Blockers);
    }

    [Fact]
    public void Overall_is_domain_scores_weighted_by_domain_weight()
    {
        var framework = new FrameworkBuilder().Threshold(0).DomainFloor(0)
            .Domain("heavy", weight: 2).Domain("light", weight: 1)
            .Criterion("H", "heavy").Criterion("L", "light")
            .Build();

        // heavy = 100, light = 0; overall = (2 × 100 + 1 × 0) / 3 = 66.67.
        var result = ReadinessScorer.Score(framework, [Met("H"), NotStarted("L")]);

        Assert.Equal(200.0 / 3, result.ExactScore!.Value, Exact);
        Assert.Equal(66.7, result.Score);
        Assert.Equal([100.0, 0.0], result.Domains.Select(d => d.Score!.Value));
    }

    [Fact]
    public void Domain_score_is_weighted_by_criterion_weight()
    {
        var framework = new FrameworkBuilder()
            .Domain("d").Criterion("A", "d", weight: 3).Criterion("B", "d", weight: 1)
            .Build();

        // d = 100 × (3 × 0.5 + 1 × 1) / 4 = 62.5.
        var result = ReadinessScorer.Score(framework, [InProgress("A"), Met("B")]);

        Assert.Equal(62.5, result.Domains[0].Score);
        Assert.Equal(62.5, result.Score);
    }

    [Fact]
    public void Floor_hit_exactly_is_not_a_blocker()
    {
        var framework = new FrameworkBuilder().Threshold(50).DomainFloor(50)
            .Domain("d", floor: 60)
            .Criterion("A", "d").Criterion("B", "d").Criterion("C", "d").Criterion("D", "d").Criterion("E", "d")
            .Build();

        // d = 100 × 3/5 = 60 = its floor.
        var result = ReadinessScorer.Score(framework, [Met("A"), Met("B"), Met("C"), NotStarted("D"), NotStarted("E")]);

        Assert.Equal(60.0, result.Domains[0].Score);
        Assert.False(result.Domains[0].BelowFloor);
        Assert.Equal(Track.FastMover, result.Track);
    }

    [Fact]
    public void Domain_below_its_own_floor_is_blocked_even_above_the_framework_floor()
    {
        var framework = new FrameworkBuilder().Threshold(0).DomainFloor(50)
            .Domain("governance", floor: 60).Domain("other")
            .Criterion("G1", "governance").Criterion("G2", "governance")
            .Criterion("O1", "other").Criterion("O2", "other")
            .Build();

        // governance = 100 × 1/2 = 50 < its own floor 60; other = 100 × 1/2 = 50, exactly the framework floor.
        var result = ReadinessScorer.Score(framework, [Met("G1"), NotStarted("G2"), Met("O1"), NotStarted("O2")]);

        Assert.Equal(new DomainResult("governance", "Domain governance", 50.0, 60, BelowFloor: true) { ExactScore = 50 }, result.Domains[0]);
        Assert.Equal(new DomainResult("other", "Domain other", 50.0, 50, BelowFloor: false) { ExactScore = 50 }, result.Domains[1]);
        Assert.Equal([new Blocker(BlockerKind.DomainFloor, Domain: "governance")], result.Blockers);
        Assert.Equal(Track.NeedsSupport, result.Track);
    }

    [Fact]
    public void Domain_without_own_floor_uses_the_framework_domain_floor()
    {
        var framework = new FrameworkBuilder().Threshold(0).DomainFloor(45)
            .Domain("d").Criterion("A", "d").Criterion("B", "d").Criterion("C", "d").Criterion("D", "d").Criterion("E", "d")
            .Build();

        // d = 100 × 2/5 = 40 < 45.
        var result = ReadinessScorer.Score(framework, [Met("A"), Met("B")]);

        Assert.Equal(45, result.Domains[0].Floor);
        Assert.True(result.Domains[0].BelowFloor);
        Assert.Equal([new Blocker(BlockerKind.DomainFloor, Domain: "d")], result.Blockers);
    }

    [Fact]
    public void Unanswered_criterion_counts_as_not_started()
    {
        var framework = new FrameworkBuilder()
            .Domain("d").Criterion("A", "d").Criterion("B", "d").Criterion("C", "d").Criterion("D", "d")
            .Build();

        var answered = ReadinessScorer.Score(framework, [Met("A"), InProgress("B"), NotStarted("C"), NotStarted("D")]);
        var unanswered = ReadinessScorer.Score(framework, [Met("A"), InProgress("B")]);

        // d = 100 × (1 + 0.5) / 4 = 37.5 either way.
        Assert.Equal(37.5, unanswered.Score);
        Assert.Equal(answered.Score, unanswered.Score);
        Assert.Equal(answered.NextSteps, unanswered.NextSteps);
    }

    [Fact]
    public void Essential_criterion_unanswered_blocks()
    {
        var framework = new FrameworkBuilder().Threshold(50).DomainFloor(0)
            .Domain("d").Criterion("A", "d").Criterion("B", "d").Criterion("E", "d", essential: true)
            .Build();

        // d = 100 × 2/3 = 66.67 ≥ 50, so the essential criterion is the only blocker.
        var result = ReadinessScorer.Score(framework, [Met("A"), Met("B")]);

        Assert.Equal([new Blocker(BlockerKind.EssentialCriterion, Criterion: "E")], result.Blockers);
        Assert.Equal(Track.NeedsSupport, result.Track);
    }

    [Fact]
    public void Essential_criterion_in_progress_blocks_and_met_does_not()
    {
        var framework = new FrameworkBuilder().Threshold(0).DomainFloor(0)
            .Domain("d").Criterion("E", "d", essential: true)
            .Build();

        Assert.Equal(
            [new Blocker(BlockerKind.EssentialCriterion, Criterion: "E")],
            ReadinessScorer.Score(framework, [InProgress("E")]).Blockers);
        Assert.Equal(Track.FastMover, ReadinessScorer.Score(framework, [Met("E")]).Track);
    }

    [Fact]
    public void Essential_criterion_at_max_level_does_not_block_and_one_below_does()
    {
        var framework = new FrameworkBuilder().Levels(1, 4).Threshold(0).DomainFloor(0)
            .Domain("d").Criterion("E", "d", essential: true)
            .Build();

        var atMax = ReadinessScorer.Score(framework, [Level("E", 4)]);
        var belowMax = ReadinessScorer.Score(framework, [Level("E", 3)]);

        Assert.Equal(Track.FastMover, atMax.Track);
        Assert.Empty(atMax.Blockers);
        Assert.Equal([new Blocker(BlockerKind.EssentialCriterion, Criterion: "E")], belowMax.Blockers);
    }

    [Fact]
    public void Level_is_valued_by_its_place_between_min_and_max()
    {
        var framework = new FrameworkBuilder().Levels(1, 4)
            .Domain("d").Criterion("L1", "d").Criterion("L2", "d").Criterion("L3", "d").Criterion("L4", "d")
            .Domain("single").Criterion("S", "single")
            .Build();

        // d = 100 × (0 + 1/3 + 2/3 + 1) / 4 = 50; single = 100 × (3 − 1)/(4 − 1) = 66.67.
        var result = ReadinessScorer.Score(framework, [Level("L1", 1), Level("L2", 2), Level("L3", 3), Level("L4", 4), Level("S", 3)]);

        Assert.Equal(50.0, result.Domains[0].Score);
        Assert.Equal(66.7, result.Domains[1].Score);
        Assert.Equal(200.0 / 3, result.Domains[1].ExactScore!.Value, Exact);
    }

    [Fact]
    public void Level_scale_need_not_start_at_one()
    {
        var framework = new FrameworkBuilder().Levels(2, 6).Domain("d").Criterion("A", "d").Build();

        // (3 − 2)/(6 − 2) = 0.25.
        Assert.Equal(25.0, ReadinessScorer.Score(framework, [Level("A", 3)]).Score);
    }

    [Fact]
    public void Unanswered_criterion_on_levels_scale_counts_as_min_level()
    {
        var framework = new FrameworkBuilder().Levels(1, 4).Domain("d").Criterion("A", "d").Criterion("B", "d").Build();

        // d = 100 × (1 + 0) / 2 = 50.
        Assert.Equal(50.0, ReadinessScorer.Score(framework, [Level("A", 4)]).Score);
    }

    [Fact]
    public void Not_applicable_criterion_is_left_out_of_its_domain()
    {
        var framework = new FrameworkBuilder()
            .Domain("d").Criterion("A", "d").Criterion("B", "d", weight: 5)
            .Build();

        // B is out of the domain entirely, so d = 100 × 1/1 rather than 100 × 1/6.
        var result = ReadinessScorer.Score(framework, [Met("A"), NotApplicable("B")]);

        Assert.Equal(100.0, result.Domains[0].Score);
    }

    [Fact]
    public void Domain_with_every_criterion_not_applicable_has_no_score_and_is_left_out_of_overall()
    {
        var framework = new FrameworkBuilder().Threshold(50).DomainFloor(90)
            .Domain("scored", weight: 1).Domain("skipped", weight: 10)
            .Criterion("S1", "scored").Criterion("S2", "scored")
            .Criterion("K1", "skipped").Criterion("K2", "skipped")
            .Build();

        // scored = 100 × 2/2 = 100; skipped has no score, so its weight 10 is left out: overall = 1 × 100 / 1.
        var result = ReadinessScorer.Score(framework, [Met("S1"), Met("S2"), NotApplicable("K1"), NotApplicable("K2")]);

        Assert.Equal(100.0, result.Score);
        Assert.Null(result.Domains[1].Score);
        Assert.Null(result.Domains[1].ExactScore);
        Assert.False(result.Domains[1].BelowFloor);
        Assert.Equal(Track.FastMover, result.Track);
    }

    [Fact]
    public void Every_answer_not_applicable_gives_no_applicable_criteria_and_nothing_else()
    {
        var framework = new FrameworkBuilder()
            .Domain("a").Domain("b").Criterion("A1", "a").Criterion("B1", "b")
            .Build();

        var result = ReadinessScorer.Score(framework, [NotApplicable("A1"), NotApplicable("B1")]);

        Assert.Null(result.Score);
        Assert.Equal(Track.NeedsSupport, result.Track);
        Assert.All(result.Domains, d => Assert.Null(d.Score));
        Assert.Equal([new Blocker(BlockerKind.NoApplicableCriteria)], result.Blockers);
        Assert.Empty(result.NextSteps);
    }

    [Fact]
    public void No_responses_gives_score_zero_not_assessed_and_nothing_else()
    {
        var framework = new FrameworkBuilder().Threshold(0).DomainFloor(0)
            .Domain("a").Domain("b").Criterion("A1", "a").Criterion("B1", "b", essential: true)
            .Build();

        var result = ReadinessScorer.Score(framework, []);

        Assert.Equal(0.0, result.Score);
        Assert.Equal(Track.NeedsSupport, result.Track);
        Assert.Equal(["a", "b"], result.Domains.Select(d => d.Id));
        Assert.All(result.Domains, d => Assert.Null(d.Score));
        Assert.All(result.Domains, d => Assert.False(d.BelowFloor));
        Assert.Equal([new Blocker(BlockerKind.NotAssessed)], result.Blockers);
        Assert.Empty(result.NextSteps);
    }

    [Fact]
    public void Reported_scores_round_half_away_from_zero()
    {
        var framework = new FrameworkBuilder().Threshold(0).DomainFloor(0)
            .Domain("d").Criterion("A", "d", weight: 9).Criterion("B", "d", weight: 7)
            .Build();

        // d = overall = 100 × 9/16 = 56.25 exactly in binary; banker's rounding would give 56.2.
        // Meeting B would add 100 × 7/16 = 43.75, reported 43.8.
        var result = ReadinessScorer.Score(framework, [Met("A"), NotStarted("B")]);

        Assert.Equal(56.25, result.ExactScore);
        Assert.Equal(56.3, result.Score);
        Assert.Equal(56.3, result.Domains[0].Score);
        Assert.Equal(56.25, result.Domains[0].ExactScore);
        Assert.Equal([new NextStep("B", 43.8) { ExactGain = 43.75 }], result.NextSteps);
    }

    [Theory]
    [InlineData(56.25, 56.3)]
    [InlineData(12.75, 12.8)]
    [InlineData(0.05, 0.1)]
    [InlineData(99.95, 100.0)]
    [InlineData(66.6666, 66.7)]
    [InlineData(33.3333, 33.3)]
    public void Round_is_one_decimal_half_away_from_zero(double score, double reported) =>
        Assert.Equal(reported, ReadinessScorer.Round(score));

    [Fact]
    public void Blockers_list_every_failed_condition_in_a_stable_order()
    {
        var framework = new FrameworkBuilder().Threshold(75).DomainFloor(50)
            .Domain("lead", weight: 2).Domain("gov", weight: 1, floor: 60)
            .Criterion("L1", "lead").Criterion("L2", "lead").Criterion("L3", "lead", weight: 2)
            .Criterion("G1", "gov", essential: true).Criterion("G2", "gov")
            .Criterion("L4", "lead", essential: true)
            .Build();

        var result = ReadinessScorer.Score(framework, [Met("G2"), NotStarted("L1"), NotStarted("G1")]);

        // Threshold first, then domains in framework order, then essential criteria in framework order.
        Assert.Equal(
            [
                new Blocker(BlockerKind.OverallThreshold),
                new Blocker(BlockerKind.DomainFloor, Domain: "lead"),
                new Blocker(BlockerKind.DomainFloor, Domain: "gov"),
                new Blocker(BlockerKind.EssentialCriterion, Criterion: "G1"),
                new Blocker(BlockerKind.EssentialCriterion, Criterion: "L4"),
            ],
            result.Blockers);
    }

    [Fact]
    public void Worked_example_scores_blocks_and_ranks_next_steps()
    {
        var framework = new FrameworkBuilder().Threshold(75).DomainFloor(50)
            .Domain("lead", weight: 2).Domain("gov", weight: 1, floor: 60)
            .Criterion("L1", "lead").Criterion("L2", "lead").Criterion("L3", "lead", weight: 2)
            .Criterion("G1", "gov", essential: true).Criterion("G2", "gov")
            .Build();

        var result = ReadinessScorer.Score(framework, [Met("L1"), InProgress("L2"), NotStarted("L3"), InProgress("G1"), NotApplicable("G2")]);

        // lead = 100 × (1 + 0.5 + 0) / (1 + 1 + 2) = 37.5; gov = 100 × 0.5 / 1 = 50 (G2 left out);
        // overall = (2 × 37.5 + 1 × 50) / 3 = 125/3 = 41.67.
        Assert.Equal(125.0 / 3, result.ExactScore!.Value, Exact);
        Assert.Equal(41.7, result.Score);
        Assert.Equal([37.5, 50.0], result.Domains.Select(d => d.Score!.Value));
        Assert.Equal(
            [
                new Blocker(BlockerKind.OverallThreshold),
                new Blocker(BlockerKind.DomainFloor, Domain: "lead"),
                new Blocker(BlockerKind.DomainFloor, Domain: "gov"),
                new Blocker(BlockerKind.EssentialCriterion, Criterion: "G1"),
            ],
            result.Blockers);

        // Gain = 100 × domain weight × criterion weight × (1 − value) / (domain's applicable weight × 3):
        // G1 = 100 × 1 × 1 × 0.5 / (1 × 3) = 16.67, essential so first;
        // L3 = 100 × 2 × 2 × 1 / (4 × 3) = 33.33; L2 = 100 × 2 × 1 × 0.5 / (4 × 3) = 8.33.
        // L1 is met and G2 not applicable, so neither is a next step.
        Assert.Equal(["G1", "L3", "L2"], result.NextSteps.Select(s => s.Criterion));
        Assert.Equal([16.7, 33.3, 8.3], result.NextSteps.Select(s => s.Gain));
        Assert.Equal(50.0 / 3, result.NextSteps[0].ExactGain, Exact);
    }

    [Fact]
    public void Worked_example_of_the_scoring_guide_comes_out_as_written()
    {
        // docs/scoring.md, "Worked example": keep the two in step.
        var framework = new FrameworkBuilder().Threshold(75).DomainFloor(50)
            .Domain("clinical-leadership", weight: 2).Domain("governance", weight: 2, floor: 60).Domain("patients-public", weight: 1)
            .Criterion("CLE-01", "clinical-leadership", essential: true).Criterion("CLE-02", "clinical-leadership").Criterion("CLE-03", "clinical-leadership", weight: 2)
            .Criterion("GOV-01", "governance").Criterion("GOV-02", "governance", essential: true)
            .Criterion("PUB-01", "patients-public").Criterion("PUB-02", "patients-public")
            .Build();
        CriterionResponse[] answers = [Met("CLE-01"), InProgress("CLE-02"), Met("GOV-01"), InProgress("GOV-02"), NotApplicable("PUB-01"), Met("PUB-02")];

        var result = ReadinessScorer.Score(framework, answers);

        Assert.Equal([37.5, 75.0, 100.0], result.Domains.Select(d => d.Score!.Value));
        Assert.Equal(65.0, result.Score);
        Assert.Equal(Track.NeedsSupport, result.Track);
        Assert.Equal(
            [
                new Blocker(BlockerKind.OverallThreshold),
                new Blocker(BlockerKind.DomainFloor, Domain: "clinical-leadership"),
                new Blocker(BlockerKind.EssentialCriterion, Criterion: "GOV-02"),
            ],
            result.Blockers);
        Assert.Equal([("GOV-02", 10.0), ("CLE-03", 20.0), ("CLE-02", 5.0)], result.NextSteps.Select(s => (s.Criterion, s.Gain)));

        var afterGov02 = ReadinessScorer.Score(framework, [.. answers.Where(a => a.CriterionId != "GOV-02"), Met("GOV-02")]);
        Assert.Equal(75.0, afterGov02.Score);
        Assert.Equal([new Blocker(BlockerKind.DomainFloor, Domain: "clinical-leadership")], afterGov02.Blockers);
        var afterBoth = ReadinessScorer.Score(framework, [.. answers.Where(a => a.CriterionId != "GOV-02"), Met("GOV-02"), Met("CLE-03")]);
        Assert.Equal(Track.FastMover, afterBoth.Track);
    }

    [Fact]
    public void Next_step_gain_is_the_rise_in_overall_score_from_meeting_that_criterion_alone()
    {
        var framework = new FrameworkBuilder()
            .Domain("lead", weight: 2).Domain("gov", weight: 1, floor: 60)
            .Criterion("L1", "lead").Criterion("L2", "lead").Criterion("L3", "lead", weight: 2)
            .Criterion("G1", "gov", essential: true).Criterion("G2", "gov")
            .Build();
        CriterionResponse[] answers = [Met("L1"), InProgress("L2"), NotStarted("L3"), InProgress("G1"), NotApplicable("G2")];
        var before = ReadinessScorer.Score(framework, answers).ExactScore!.Value;

        // Meeting L3: lead = 100 × 3.5/4 = 87.5; overall = (175 + 50)/3 = 75; gain = 75 − 41.67 = 33.33.
        var after = ReadinessScorer.Score(framework, [.. answers.Where(a => a.CriterionId != "L3"), Met("L3")]).ExactScore!.Value;

        Assert.Equal(75.0, after, Exact);
        Assert.Equal(after - before, ReadinessScorer.Score(framework, answers).NextSteps.Single(s => s.Criterion == "L3").ExactGain, Exact);
    }

    [Fact]
    public void Next_steps_with_equal_gains_are_ordered_by_criterion_id()
    {
        var framework = new FrameworkBuilder()
            .Domain("d").Criterion("B2", "d").Criterion("B10", "d").Criterion("A1", "d").Criterion("C", "d", essential: true)
            .Build();

        // Every criterion would add 100 × 1/4 = 25; C is essential so comes first, then the rest in ordinal id order.
        var result = ReadinessScorer.Score(framework, [NotStarted("B2")]);

        Assert.Equal(["C", "A1", "B10", "B2"], result.NextSteps.Select(s => s.Criterion));
        Assert.All(result.NextSteps, s => Assert.Equal(25.0, s.Gain));
    }

    [Fact]
    public void Essential_next_steps_come_first_even_with_smaller_gains()
    {
        var framework = new FrameworkBuilder()
            .Domain("d").Criterion("BIG", "d", weight: 10).Criterion("E", "d", weight: 1, essential: true)
            .Build();

        // E is in progress, so meeting it adds 100 × 1 × 0.5 / 11 = 4.55; meeting BIG adds 100 × 10 / 11 = 90.91.
        var result = ReadinessScorer.Score(framework, [InProgress("E")]);

        Assert.Equal([new NextStep("E", 4.5), new NextStep("BIG", 90.9)], result.NextSteps.Select(s => s with { ExactGain = 0 }));
    }

    [Fact]
    public void Next_steps_on_levels_scale_count_the_levels_left_to_climb()
    {
        var framework = new FrameworkBuilder().Levels(1, 4)
            .Domain("a").Criterion("A1", "a").Criterion("A2", "a")
            .Domain("b").Criterion("B1", "b")
            .Build();

        // a = 100 × (2/3 + 1)/2 = 83.33; b = 0; overall = 41.67.
        // A1 at level 3 has 1/3 left: gain = 100 × 1 × (1/3) / (2 × 2) = 8.33; B1 gain = 100 × 1 / (1 × 2) = 50.
        var result = ReadinessScorer.Score(framework, [Level("A1", 3), Level("A2", 4), Level("B1", 1)]);

        Assert.Equal(41.7, result.Score);
        Assert.Equal(["B1", "A1"], result.NextSteps.Select(s => s.Criterion));
        Assert.Equal([50.0, 8.3], result.NextSteps.Select(s => s.Gain));
    }

    [Fact]
    public void Next_steps_read_again_are_the_same()
    {
        var framework = new FrameworkBuilder()
            .Domain("d").Criterion("A", "d", weight: 2).Criterion("B", "d")
            .Build();
        var result = ReadinessScorer.Score(framework, [InProgress("A")]);

        // A would add 100 × 2 × 0.5 / 3 = 33.33; B would add 100 × 1 / 3 = 33.33: equal, so id order.
        var first = result.NextSteps.ToList();

        Assert.Equal([new NextStep("A", 33.3) { ExactGain = 100.0 / 3 }, new NextStep("B", 33.3) { ExactGain = 100.0 / 3 }], first);
        Assert.Equal(first, result.NextSteps);
    }

    [Fact]
    public void Fully_met_framework_is_fast_mover_with_no_next_steps()
    {
        var framework = new FrameworkBuilder().Threshold(100).DomainFloor(100)
            .Domain("d").Criterion("A", "d", essential: true).Criterion("B", "d")
            .Build();

        var result = ReadinessScorer.Score(framework, [Met("A"), Met("B")]);

        Assert.Equal(100.0, result.Score);
        Assert.Equal(Track.FastMover, result.Track);
        Assert.Empty(result.Blockers);
        Assert.Empty(result.NextSteps);
    }

    [Fact]
    public void Response_for_a_criterion_outside_the_framework_is_refused()
    {
        var framework = new FrameworkBuilder().Domain("d").Criterion("A", "d").Build();

        Assert.Throws<ArgumentException>(() => ReadinessScorer.Score(framework, [Met("NOPE")]));
    }

    [Fact]
    public void Shipped_default_framework_fully_met_is_fast_mover()
    {
        var framework = Domain.Frameworks.ShippedFrameworks.DefaultFramework;

        var result = ReadinessScorer.Score(framework, [.. framework.Criteria.Select(c => Met(c.Id))]);

        Assert.Equal(Track.FastMover, result.Track);
        Assert.Equal(100.0, result.Score);
    }
}
