using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Tests.Dashboards;

/// <summary>
/// The derived records kept by every save (the monthly track snapshot, each consortium's last World Class
/// Commissioning submission of each month, its latest readiness assessment and decision, the lessons' writer scores)
/// always say what working them out again from the assessments and decisions says: after each of a seeded sequence of
/// submissions, deletions and regional decisions, in and out of time order, across UK month ends in summer and winter
/// time, on the demo data.
/// </summary>
public sealed class MonthlyTrackSnapshotTests : IAsyncLifetime
{
    // Consortia of region Q30 (00G, 00H, 00C) and one of another region (01G).
    private static readonly string[] Consortia = [Demo.LeadsConsortium, Demo.ManagedConsortium, Demo.OtherConsortium, Demo.OtherRegionConsortium];

    private readonly ApplicationHost _host = new(readCache: false);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task After_every_submission_and_decision_the_snapshot_gives_the_trend_worked_out_from_the_history()
    {
        var random = new Random(20101);
        var framework = ShippedFrameworks.DefaultFramework;
        var lastMonth = new DateOnly(2014, 12, 1);
        await AssertSnapshotMatchesHistoryAsync(lastMonth);

        for (var step = 0; step < 40; step++)
        {
            var consortium = Consortia[random.Next(Consortia.Length)];
            var at = Moment(random);
            await using (var db = _host.OpenContext())
            {
                if (random.Next(3) == 0)
                {
                    var previous = await db.TrackDecisions.Where(d => d.ConsortiumCode == consortium).OrderByDescending(d => d.Revision).FirstOrDefaultAsync();
                    var track = random.Next(2) == 0 ? Track.FastMover : Track.NeedsSupport;
                    db.TrackDecisions.Add(new TrackDecision(consortium, track, null, $"Step {step}", "regional.q30@demo.test", at, previous));
                }
                else
                {
                    db.Assessments.Add(Submitted(framework, consortium, at, random));
                }

                await db.SaveChangesAsync();
            }

            await AssertSnapshotMatchesHistoryAsync(lastMonth);
        }

        // A decision through the use case, as a regional lead makes one, keeps it too.
        var lead = await _host.UserAsync(Demo.RegionalLead);
        int basedOn;
        await using (var db = _host.OpenContext())
        {
            basedOn = await db.TrackDecisions.Where(d => d.ConsortiumCode == Demo.ManagedConsortium).MaxAsync(d => (int?)d.Revision) ?? 0;
        }

        var decided = await _host.RunAsync<TrackReview, TransitionTracker.Application.Editing.EditOutcome<TrackDecision>>(r =>
            r.DecideAsync(lead, Demo.ManagedConsortium, basedOn, "needs-support", "Finance lead left", CancellationToken.None));
        Assert.True(decided.IsSaved);
        var thisMonth = UkCalendar.Today(TimeProvider.System);
        await AssertSnapshotMatchesHistoryAsync(new DateOnly(thisMonth.Year, thisMonth.Month, 1));

        // The national dashboard's trend reads the snapshot and says the same as the history of the consortia it counts.
        var national = await _host.UserAsync(Demo.National);
        var view = await _host.RunAsync<RegionDashboard, NationalDashboardView?>(d => d.NationalAsync(national, null, null, CancellationToken.None));
        Assert.NotNull(view);
        Assert.Equal(await TrendFromHistoryAsync(thisMonth, standingOn: thisMonth), view.Trend);
    }

    [Fact]
    public async Task After_every_change_the_competency_months_and_latest_ids_equal_working_them_out_again()
    {
        var random = new Random(20111);
        var readiness = ShippedFrameworks.DefaultFramework;
        var wcc = ShippedFrameworks.Find(ShippedFrameworks.WorldClassCommissioning)!;
        var lastMonth = new DateOnly(2014, 12, 1);
        await AssertDerivedMatchRecomputationAsync();

        for (var step = 0; step < 40; step++)
        {
            var consortium = Consortia[random.Next(Consortia.Length)];
            var at = Moment(random);
            await using (var db = _host.OpenContext())
            {
                switch (random.Next(6))
                {
                    case 0:
                        var previous = await db.TrackDecisions.Where(d => d.ConsortiumCode == consortium).OrderByDescending(d => d.Revision).FirstOrDefaultAsync();
                        db.TrackDecisions.Add(new TrackDecision(consortium, random.Next(2) == 0 ? Track.FastMover : Track.NeedsSupport, null, $"Step {step}", "regional.q30@demo.test", at, previous));
                        break;
                    case 1:
                        db.Assessments.Add(Submitted(readiness, consortium, at, random));
                        break;
                    case 2 or 3:
                        // Often in a month that already has one (the demo rounds), so the last of the month changes.
                        db.Assessments.Add(Submitted(wcc, consortium, random.Next(2) == 0 ? at : new DateTime(2012, 3, 31, 22, 30 + random.Next(30), 0, DateTimeKind.Utc), random));
                        break;
                    default:
                        // A submitted assessment of either framework taken away: the month's or consortium's next one takes its place.
                        var framework = random.Next(2) == 0 ? readiness.Id : wcc.Id;
                        var submitted = await db.Assessments.Where(a => a.ConsortiumCode == consortium && a.FrameworkId == framework && a.Status == AssessmentStatus.Submitted)
                            .OrderBy(a => a.Id).ToListAsync();
                        if (submitted.Count == 0)
                        {
                            continue;
                        }

                        db.Assessments.Remove(submitted[random.Next(submitted.Count)]);
                        break;
                }

                await db.SaveChangesAsync();
            }

            await AssertDerivedMatchRecomputationAsync();
            await AssertSnapshotMatchesHistoryAsync(lastMonth);
        }
    }

    [Fact]
    public async Task Every_lesson_carries_its_writers_score_from_their_latest_submission()
    {
        var random = new Random(7);
        var framework = ShippedFrameworks.DefaultFramework;
        for (var step = 0; step < 6; step++)
        {
            await using var db = _host.OpenContext();
            var consortium = Consortia[step % Consortia.Length];
            db.Assessments.Add(Submitted(framework, consortium, new DateTime(2013, 6, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(step), random));
            if (step % 2 == 0)
            {
                db.Lessons.Add(new Domain.Lessons.Lesson(consortium, framework.Domains[step].Id, $"Lesson {step}", "What we learned.", "test", DateTime.UtcNow));
            }

            await db.SaveChangesAsync();
        }

        await using var check = _host.OpenContext();
        var lessons = await check.Lessons.AsNoTracking().ToListAsync();
        Assert.Contains(lessons, l => l.WriterScore is not null);
        foreach (var lesson in lessons)
        {
            var latest = await check.Assessments
                .Where(a => a.ConsortiumCode == lesson.ConsortiumCode && a.Status == AssessmentStatus.Submitted && a.FrameworkId == ShippedFrameworks.Default)
                .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id)
                .Select(a => (int?)a.Id)
                .FirstOrDefaultAsync();
            var score = await check.DomainScores
                .Where(d => d.AssessmentId == latest && d.DomainId == lesson.DomainId)
                .Select(d => d.Score)
                .FirstOrDefaultAsync();
            Assert.Equal(score, lesson.WriterScore);
        }
    }

    [Fact]
    public async Task After_every_membership_change_each_consortiums_population_is_its_current_members_list_sizes()
    {
        var random = new Random(2012);
        await AssertPopulationsMatchMembersAsync();
        for (var step = 0; step < 20; step++)
        {
            var from = Consortia[random.Next(Consortia.Length)];
            var to = Consortia[random.Next(Consortia.Length)];
            await using (var db = _host.OpenContext())
            {
                var members = await db.ConsortiumMemberships.Where(m => m.ConsortiumCode == from && m.LeftOn == null).OrderBy(m => m.Id).ToListAsync();
                if (members.Count < 2)
                {
                    continue;
                }

                // A practice leaves (and, more often than not, joins another consortium in the same save), or leaves
                // and its membership is then taken away altogether.
                var moving = members[random.Next(members.Count)];
                var day = new DateOnly(2012, 1, 1).AddDays(step);
                moving.Leave(day);
                switch (random.Next(3))
                {
                    case 0:
                        db.ConsortiumMemberships.Remove(moving);
                        break;
                    default:
                        db.ConsortiumMemberships.Add(new Domain.Organisations.ConsortiumMembership(to, moving.PracticeCode, day));
                        break;
                }

                await db.SaveChangesAsync();
            }

            await AssertPopulationsMatchMembersAsync();
        }
    }

    [Fact]
    public async Task Rebuilding_for_data_already_there_gives_the_rows_and_scores_every_save_kept()
    {
        await using (var db = _host.OpenContext())
        {
            db.Assessments.Add(Submitted(ShippedFrameworks.DefaultFramework, Demo.LeadsConsortium, new DateTime(2013, 6, 30, 23, 30, 0, DateTimeKind.Utc), new Random(3)));
            db.TrackDecisions.Add(new TrackDecision(Demo.ManagedConsortium, Track.NeedsSupport, null, "Board vacancies", "regional.q30@demo.test", new DateTime(2013, 7, 2, 9, 0, 0, DateTimeKind.Utc), null));
            await db.SaveChangesAsync();
        }

        var (kept, keptScores) = await DerivedAsync();
        Assert.NotEmpty(kept);
        Assert.Contains(keptScores, s => s is not null);

        // As the data stands just after the migration that added them: no rows, no scores.
        await using (var db = _host.OpenContext())
        {
            await db.MonthlyTracks.ExecuteDeleteAsync();
            await db.MonthlyCompetencyAssessments.ExecuteDeleteAsync();
            await db.Consortia.ExecuteUpdateAsync(s => s.SetProperty(c => c.LatestAssessmentId, (int?)null).SetProperty(c => c.LatestDecisionId, (int?)null).SetProperty(c => c.Population, 0L));
            await db.Lessons.ExecuteUpdateAsync(s => s.SetProperty(l => l.WriterScore, (double?)null));
            await using var transaction = await db.Database.BeginTransactionAsync();
            await Data.Derived.DerivedRecords.RebuildAllAsync(db, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var (rebuilt, rebuiltScores) = await DerivedAsync();
        Assert.Equal(kept, rebuilt);
        Assert.Equal(keptScores, rebuiltScores);
        await AssertDerivedMatchRecomputationAsync();
        await AssertPopulationsMatchMembersAsync();
    }

    // The monthly competency rows and every consortium's latest assessment and decision, against the same worked out
    // in memory from all the assessments and decisions: the last World Class Commissioning submission of each UK month
    // (latest by time, then id), the latest submitted readiness assessment, the decision with the highest id.
    private async Task AssertDerivedMatchRecomputationAsync()
    {
        await using var db = _host.OpenContext();
        var wcc = await db.Assessments.AsNoTracking()
            .Where(a => a.Status == AssessmentStatus.Submitted && a.FrameworkId == ShippedFrameworks.WorldClassCommissioning)
            .Select(a => new { a.ConsortiumCode, At = a.SubmittedAtUtc!.Value, a.Id })
            .ToListAsync();
        var lastIds = wcc
            .GroupBy(a => (a.ConsortiumCode, Month: TrackHistory.UkMonthOf(a.At)))
            .Select(g => (g.Key.ConsortiumCode, g.Key.Month, g.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).First().Id))
            .ToList();
        var ids = lastIds.Select(l => l.Id).ToList();
        var scores = (await db.DomainScores.AsNoTracking().Where(d => ids.Contains(d.AssessmentId)).ToListAsync())
            .ToLookup(d => d.AssessmentId);
        var expectedMonths = lastIds
            .Select(l => (l.ConsortiumCode, l.Month, l.Id, string.Join(';', scores[l.Id].Where(d => d.Score != null).OrderBy(d => d.DomainId, StringComparer.Ordinal)
                .Select(d => $"{d.DomainId}={d.Score!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"))))
            .OrderBy(r => r.ConsortiumCode, StringComparer.Ordinal).ThenBy(r => r.Month)
            .ToList();
        var keptMonths = (await db.MonthlyCompetencyAssessments.AsNoTracking().ToListAsync())
            .Select(m => (m.ConsortiumCode, m.Month, m.AssessmentId, m.Scores))
            .OrderBy(r => r.ConsortiumCode, StringComparer.Ordinal).ThenBy(r => r.Month)
            .ToList();
        Assert.Equal(expectedMonths, keptMonths);
        Assert.All(keptMonths, m => Assert.NotEmpty(m.Scores));

        var readiness = await db.Assessments.AsNoTracking()
            .Where(a => a.Status == AssessmentStatus.Submitted && a.FrameworkId == ShippedFrameworks.Default)
            .Select(a => new { a.ConsortiumCode, a.SubmittedAtUtc, a.Id })
            .ToListAsync();
        var decisions = await db.TrackDecisions.AsNoTracking().Select(d => new { d.ConsortiumCode, d.Id }).ToListAsync();
        var consortia = await db.Consortia.AsNoTracking().Select(c => new { c.Code, c.LatestAssessmentId, c.LatestDecisionId }).ToListAsync();
        Assert.NotEmpty(consortia);
        foreach (var c in consortia)
        {
            var latest = readiness.Where(a => a.ConsortiumCode == c.Code).OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id).Select(a => (int?)a.Id).FirstOrDefault();
            Assert.Equal((c.Code, latest), (c.Code, c.LatestAssessmentId));
            Assert.Equal((c.Code, decisions.Where(d => d.ConsortiumCode == c.Code).Max(d => (int?)d.Id)), (c.Code, c.LatestDecisionId));
        }
    }

    // Every consortium's stored population against its current members' list sizes added up in memory.
    private async Task AssertPopulationsMatchMembersAsync()
    {
        await using var db = _host.OpenContext();
        var lists = await db.Practices.AsNoTracking().ToDictionaryAsync(p => p.Code, p => (long)p.ListSize);
        var members = await db.ConsortiumMemberships.AsNoTracking().Where(m => m.LeftOn == null).Select(m => new { m.ConsortiumCode, m.PracticeCode }).ToListAsync();
        var expected = members.GroupBy(m => m.ConsortiumCode).ToDictionary(g => g.Key, g => g.Sum(m => lists[m.PracticeCode]));
        var stored = await db.Consortia.AsNoTracking().Select(c => new { c.Code, c.Population }).ToListAsync();
        Assert.Contains(stored, c => c.Population > 0);
        Assert.All(stored, c => Assert.Equal((c.Code, expected.GetValueOrDefault(c.Code)), (c.Code, c.Population)));
    }

    private async Task<(List<(string, DateOnly, Track, Track?)> Rows, List<double?> Scores)> DerivedAsync()
    {
        await using var db = _host.OpenContext();
        var rows = (await db.MonthlyTracks.AsNoTracking().ToListAsync())
            .Select(m => (m.ConsortiumCode, m.Month, m.Track, m.PreviousTrack))
            .OrderBy(m => m.ConsortiumCode, StringComparer.Ordinal).ThenBy(m => m.Month)
            .ToList();
        var scores = await db.Lessons.AsNoTracking().OrderBy(l => l.Id).Select(l => l.WriterScore).ToListAsync();
        return (rows, scores);
    }

    // Within June 2010 to May 2014 (the demo history ends in March 2013, so later months hold only these), half of
    // them in the last hour of a month in UTC: in summer time that is already the next month in the UK.
    private static DateTime Moment(Random random)
    {
        var month = new DateTime(2010, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(random.Next(48));
        return random.Next(2) == 0
            ? month.AddMonths(1).AddMinutes(-1 - random.Next(59))
            : month.AddDays(random.Next(28)).AddHours(random.Next(24)).AddMinutes(random.Next(60));
    }

    private static Assessment Submitted(Framework framework, string consortium, DateTime at, Random random)
    {
        var responses = framework.Criteria
            .Select(c => CriterionResponse.WithStatus(c.Id, random.Next(3) switch { 0 => ResponseStatus.Met, 1 => ResponseStatus.InProgress, _ => ResponseStatus.NotStarted }))
            .ToList();
        var assessment = new Assessment(consortium, framework.Id, framework.Version, "test", at);
        foreach (var response in responses)
        {
            assessment.Answer(response.CriterionId, response.Status, null, null, "test", at);
        }

        assessment.Submit(ReadinessScorer.Score(framework, responses), "{}", "test", at);
        return assessment;
    }

    // Every consortium at once: the trend from all the snapshot's rows against TrackTrend.Build over every assessment
    // and decision, and each consortium's rows against the months worked out from its own history.
    private async Task AssertSnapshotMatchesHistoryAsync(DateOnly lastMonth)
    {
        await using var db = _host.OpenContext();
        var changes = await db.MonthlyTracks.AsNoTracking()
            .GroupBy(m => new { m.Month, m.Track, m.PreviousTrack })
            .Select(g => new TrackChangeCount(g.Key.Month, g.Key.Track, g.Key.PreviousTrack, g.Count()))
            .ToListAsync();
        var events = await EventsAsync(db, before: DateTime.MaxValue);
        Assert.Equal(TrackTrend.Build(events, lastMonth), TrackTrend.FromChanges(changes, lastMonth));

        foreach (var consortium in Consortia)
        {
            var rows = await db.MonthlyTracks.AsNoTracking().Where(m => m.ConsortiumCode == consortium).OrderBy(m => m.Month).ToListAsync();
            var mine = events.Where(e => e.ConsortiumCode == consortium).ToList();
            var changed = new List<(DateOnly Month, Track Track)>();
            Track? before = null;
            foreach (var point in TrackTrend.Build(mine, lastMonth))
            {
                Track? track = point.FastMovers == 1 ? Track.FastMover : point.NeedsSupport == 1 ? Track.NeedsSupport : null;
                if (track is { } now && now != before)
                {
                    changed.Add((point.Month, now));
                }

                before = track;
            }

            Assert.Equal(changed, rows.Select(r => (r.Month, r.Track)));
        }
    }

    private async Task<IReadOnlyList<TrackTrendPoint>> TrendFromHistoryAsync(DateOnly asAt, DateOnly standingOn)
    {
        await using var db = _host.OpenContext();
        var standing = await db.Consortia.Where(c => c.MergedOn == null || c.MergedOn > standingOn).Select(c => c.Code).ToListAsync();
        var events = await EventsAsync(db, before: DashboardReferenceDate.EndOfUkDayUtc(asAt));
        return TrackTrend.Build(events.Where(e => standing.Contains(e.ConsortiumCode)), new DateOnly(asAt.Year, asAt.Month, 1));
    }

    private static async Task<List<TrackEvent>> EventsAsync(TransitionTrackerDbContext db, DateTime before)
    {
        var submitted = await db.Assessments.AsNoTracking()
            .Where(a => a.Status == AssessmentStatus.Submitted && a.FrameworkId == ShippedFrameworks.Default && a.Track != null && a.SubmittedAtUtc < before)
            .Select(a => new TrackEvent(a.ConsortiumCode, a.SubmittedAtUtc!.Value, a.Id, a.Track!.Value, false))
            .ToListAsync();
        var decided = await db.TrackDecisions.AsNoTracking()
            .Where(d => d.DecidedAtUtc < before)
            .Select(d => new TrackEvent(d.ConsortiumCode, d.DecidedAtUtc, d.Id, d.Track, true))
            .ToListAsync();
        return [.. submitted, .. decided];
    }
}
