using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Domain.Tests.Scoring;

/// <summary>Rules that must hold for any framework and any answers, checked over thousands of seeded random cases.</summary>
public class ReadinessScorerPropertyTests
{
    private const int Cases = 3000;
    private const double Tolerance = 1e-9;

    [Fact]
    public void Scores_and_gains_stay_within_0_to_100()
    {
        var generator = new RandomAssessments(seed: 2010);
        for (var i = 0; i < Cases; i++)
        {
            var framework = generator.NextFramework();
            var result = ReadinessScorer.Score(framework, generator.NextResponses(framework));

            if (result.ExactScore is double score)
            {
                Assert.InRange(score, -Tolerance, 100 + Tolerance);
                Assert.InRange(result.Score!.Value, 0, 100);
            }

            Assert.All(result.Domains.Where(d => d.ExactScore is not null), d => Assert.InRange(d.ExactScore!.Value, -Tolerance, 100 + Tolerance));
            Assert.All(result.NextSteps, s => Assert.InRange(s.ExactGain, 0, 100 + Tolerance));
        }
    }

    [Fact]
    public void Raising_one_response_never_lowers_the_score_nor_loses_fast_mover()
    {
        var generator = new RandomAssessments(seed: 2011);
        for (var i = 0; i < Cases; i++)
        {
            var framework = generator.NextFramework();
            var responses = generator.NextResponses(framework);
            var raised = generator.RaiseOne(framework, responses);
            if (raised is null)
            {
                continue;
            }

            var before = ReadinessScorer.Score(framework, responses);
            var after = ReadinessScorer.Score(framework, raised);

            Assert.NotNull(after.ExactScore);
            Assert.True(after.ExactScore >= (before.ExactScore ?? 0) - Tolerance, $"case {i}: {before.ExactScore} fell to {after.ExactScore}");
            if (before.Track == Track.FastMover)
            {
                Assert.Equal(Track.FastMover, after.Track);
            }
        }
    }

    [Fact]
    public void Fast_mover_exactly_when_there_are_no_blockers()
    {
        var generator = new RandomAssessments(seed: 2012);
        var fastMovers = 0;
        for (var i = 0; i < Cases; i++)
        {
            var framework = generator.NextFramework();
            var result = ReadinessScorer.Score(framework, generator.NextResponses(framework));

            Assert.Equal(result.Blockers.Count == 0, result.Track == Track.FastMover);
            fastMovers += result.Track == Track.FastMover ? 1 : 0;
        }

        Assert.True(fastMovers > Cases / 20, $"only {fastMovers} fast movers: the generator no longer reaches both tracks");
    }

    [Fact]
    public void Agrees_with_a_direct_transcription_of_the_rules()
    {
        var generator = new RandomAssessments(seed: 2013);
        for (var i = 0; i < Cases; i++)
        {
            var framework = generator.NextFramework();
            var responses = generator.NextResponses(framework);

            var result = ReadinessScorer.Score(framework, responses);
            var expected = ReferenceScorer.Score(framework, responses);

            AssertClose(expected.Overall, result.ExactScore);
            Assert.Equal(expected.Domains.Length, result.Domains.Count);
            for (var d = 0; d < expected.Domains.Length; d++)
            {
                AssertClose(expected.Domains[d], result.Domains[d].ExactScore);
            }

            Assert.Equal(expected.Blockers, result.Blockers);
        }
    }

    [Fact]
    public void Each_next_step_gain_is_what_meeting_that_criterion_alone_adds()
    {
        var generator = new RandomAssessments(seed: 2014);
        for (var i = 0; i < Cases / 3; i++)
        {
            var framework = generator.NextFramework();
            var responses = generator.NextResponses(framework);
            var result = ReadinessScorer.Score(framework, responses);

            foreach (var step in result.NextSteps)
            {
                var full = framework.MaxLevel is int max
                    ? CriterionResponse.WithLevel(step.Criterion, max)
                    : CriterionResponse.WithStatus(step.Criterion, ResponseStatus.Met);
                var met = ReadinessScorer.Score(framework, [.. responses.Where(r => r.CriterionId != step.Criterion), full]);
                Assert.Equal(met.ExactScore!.Value - result.ExactScore!.Value, step.ExactGain, 1e-6);
            }

            var order = result.NextSteps
                .Select(s => (Essential: framework.FindCriterion(s.Criterion)!.Essential, s.ExactGain))
                .ToList();
            for (var k = 1; k < order.Count; k++)
            {
                var (essentialBefore, gainBefore) = order[k - 1];
                var (essential, gain) = order[k];
                Assert.True(essentialBefore && !essential || essentialBefore == essential && gainBefore >= gain - Tolerance, $"case {i}: next steps out of order");
            }
        }
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is double e)
        {
            Assert.Equal(e, actual!.Value, 1e-9);
        }
    }
}
