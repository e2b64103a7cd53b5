using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Lessons;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Lessons;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Lessons;

/// <summary>
/// Lessons from others for a consortium's weakest domains, on a database holding only the assessments and lessons
/// each test arranges (added directly through the DbContext, as submitted assessments with their domain scores).
/// </summary>
public sealed class LessonLibraryTests : IDisposable
{
    private static readonly DateTime January = new(2011, 1, 10, 9, 0, 0, DateTimeKind.Utc);

    private readonly TransitionTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Lessons_come_only_from_other_consortia_scoring_at_least_75_in_that_domain_in_their_latest_assessment()
    {
        await ArrangeAsync(db =>
        {
            // 00H is strong in governance now; 00C was, but its latest assessment is weak there; 01G is middling (50).
            db.Assessments.Add(Submitted("00H", January, met: ["governance"]));
            db.Assessments.Add(Submitted("00C", January, met: ["governance", "financial-management"]));
            db.Assessments.Add(Submitted("00C", January.AddMonths(1), met: ["financial-management"]));
            db.Assessments.Add(Submitted("01G", January, inProgress: ["governance"], met: ["workforce"]));
            db.Assessments.Add(Submitted("00G", January, met: ["governance"]));

            db.Lessons.Add(Written("00H", "governance", "00H governance lesson", January.AddDays(1)));
            db.Lessons.Add(Written("00H", "financial-management", "00H finance lesson", January.AddDays(2)));
            db.Lessons.Add(Written("00C", "governance", "00C governance lesson", January.AddDays(3)));
            db.Lessons.Add(Written("00C", "financial-management", "00C finance lesson", January.AddDays(4)));
            db.Lessons.Add(Written("01G", "governance", "01G governance lesson", January.AddDays(5)));
            db.Lessons.Add(Written("01G", "workforce", "01G workforce lesson", January.AddDays(6)));
            db.Lessons.Add(Written("00G", "governance", "00G own governance lesson", January.AddDays(7)));
        });

        var lessons = await ForWeakestDomainsAsync("00G", ["financial-management", "governance", "patients-public"]);

        Assert.Equal(
            [
                ("financial-management", "00C finance lesson", "00C", 100.0),
                ("governance", "00H governance lesson", "00H", 100.0),
            ],
            lessons.Select(l => (l.DomainId, l.Title, l.ConsortiumCode, l.DomainScore)));
        Assert.All(lessons, l => Assert.False(string.IsNullOrEmpty(l.ConsortiumName)));
        Assert.Equal("Body of 00H governance lesson", lessons[1].Body);
    }

    [Fact]
    public async Task At_most_three_lessons_a_domain_are_returned_newest_first()
    {
        await ArrangeAsync(db =>
        {
            db.Assessments.Add(Submitted("00H", January, met: ["governance"]));
            db.Assessments.Add(Submitted("00C", January, met: ["governance"]));
            db.Lessons.Add(Written("00H", "governance", "Oldest", January.AddDays(1)));
            db.Lessons.Add(Written("00C", "governance", "Second", January.AddDays(2)));
            db.Lessons.Add(Written("00H", "governance", "Third", January.AddDays(3)));
            db.Lessons.Add(Written("00C", "governance", "Newest", January.AddDays(4)));
        });

        var lessons = await ForWeakestDomainsAsync("00g", ["governance"]);

        Assert.Equal(["Newest", "Third", "Second"], lessons.Select(l => l.Title));
    }

    [Fact]
    public async Task The_same_lesson_recorded_by_several_consortia_is_shown_once_and_says_how_many_others_recorded_it()
    {
        await ArrangeAsync(db =>
        {
            db.Assessments.Add(Submitted("00H", January, met: ["governance"]));
            db.Assessments.Add(Submitted("00C", January, met: ["governance"]));
            db.Assessments.Add(Submitted("01G", January, met: ["governance"]));
            db.Lessons.Add(Written("00H", "governance", "Shared", January.AddDays(1)));
            db.Lessons.Add(Written("00C", "governance", "Shared", January.AddDays(1)));
            db.Lessons.Add(Written("01G", "governance", "Shared", January.AddDays(1)));
            db.Lessons.Add(Written("01G", "governance", "Own", January.AddDays(2)));
        });

        var lessons = await ForWeakestDomainsAsync("00G", ["governance"]);

        Assert.Equal([("Own", 0), ("Shared", 2)], lessons.Select(l => (l.Title, l.AlsoRecordedBy)));
    }

    [Fact]
    public async Task No_weak_domains_or_no_strong_consortia_means_no_lessons()
    {
        await ArrangeAsync(db =>
        {
            db.Assessments.Add(Submitted("00H", January, inProgress: ["governance"]));
            db.Lessons.Add(Written("00H", "governance", "Middling advice", January.AddDays(1)));
        });

        Assert.Empty(await ForWeakestDomainsAsync("00G", []));
        Assert.Empty(await ForWeakestDomainsAsync("00G", ["governance"]));
    }

    private static Assessment Submitted(string consortium, DateTime at, string[]? met = null, string[]? inProgress = null)
    {
        var framework = ShippedFrameworks.DefaultFramework;
        var responses = framework.Criteria
            .Select(c => CriterionResponse.WithStatus(
                c.Id,
                met?.Contains(c.DomainId) == true ? ResponseStatus.Met
                : inProgress?.Contains(c.DomainId) == true ? ResponseStatus.InProgress
                : ResponseStatus.NotStarted))
            .ToList();
        var assessment = new Assessment(consortium, framework.Id, framework.Version, "test", at);
        foreach (var response in responses)
        {
            assessment.Answer(response.CriterionId, response.Status, null, null, "test", at);
        }

        assessment.Submit(ReadinessScorer.Score(framework, responses), "{}", "test", at);
        return assessment;
    }

    private static Lesson Written(string consortium, string domain, string title, DateTime at) =>
        new(consortium, domain, title, $"Body of {title}", "test", at);

    private async Task ArrangeAsync(Action<TransitionTrackerDbContext> arrange)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();

        // Only what the test arranges: demo data may hold assessments and lessons of its own.
        await db.Lessons.ExecuteDeleteAsync();
        await db.DomainScores.ExecuteDeleteAsync();
        await db.AssessmentResponses.ExecuteDeleteAsync();
        await db.Assessments.ExecuteDeleteAsync();
        arrange(db);
        await db.SaveChangesAsync();
    }

    private async Task<IReadOnlyList<LessonFromOthers>> ForWeakestDomainsAsync(string consortiumCode, IReadOnlyList<string> domains)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LessonLibrary>().ForWeakestDomainsAsync(consortiumCode, domains, CancellationToken.None);
    }
}
