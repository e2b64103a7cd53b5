using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Organisations;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data;
using TransitionTracker.Data.Versioning;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Tests.Caching;

/// <summary>
/// Reads of one region are kept under that region's stamp (docs/architecture.md, "The read cache"): for every kind of
/// save, a region read kept before it is read again after it when the save can change it, and a read of a region the
/// save does not touch is served from memory (no query runs). Saves go through a context of their own, as another
/// instance's would. Runs on SQLite, and on PostgreSQL with <c>TEST_DATABASE_PROVIDER=Postgres</c>.
/// </summary>
public sealed class ScopedStampTests : IAsyncLifetime
{
    // 00H (PCT 5D7) sits in Q30, 01G in Q31; Q32 is a third region no save here touches unless it is wide.
    private const string RegionA = Demo.Region;
    private const string RegionB = "Q31";
    private const string RegionC = "Q32";
    private const string ConsortiumA = Demo.ManagedConsortium;
    private const string ConsortiumB = Demo.OtherRegionConsortium;

    private readonly CommandLog _commands = new();
    private readonly ApplicationHost _host;
    private ActingUser _national = null!;

    public ScopedStampTests()
    {
        _host = new ApplicationHost(services: services =>
        {
            services.ConfigureDbContext<SqliteTransitionTrackerDbContext>(o => o.AddInterceptors(_commands));
            services.ConfigureDbContext<PostgresTransitionTrackerDbContext>(o => o.AddInterceptors(_commands));
        });
    }

    public async Task InitializeAsync() => _national = await _host.UserAsync(Demo.National);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> ScopedKinds =>
    [
        "assessment", "decision", "support action", "plan function", "milestone", "staff transfer", "interest", "lesson",
        "quality figures", "stage change",
    ];

    [Theory]
    [MemberData(nameof(ScopedKinds))]
    public async Task A_save_in_one_region_reads_that_region_again_and_leaves_the_others_kept(string kind)
    {
        await KeepEverythingAsync();

        await using (var db = _host.OpenContext())
        {
            await SaveAsync(db, kind);
        }

        await AssertReadAgainAsync(kind, [RegionA], [RegionB, RegionC]);
    }

    [Fact]
    public async Task A_draft_answer_reads_no_region_again_and_submitting_the_draft_reads_its_region_again_only()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var draft = (await _host.RunAsync<AssessmentWorkflow, EditOutcome<Assessment>>(
            w => w.StartDraftAsync(manager, ConsortiumA, AssessmentWorkflow.DefaultFramework, CancellationToken.None))).Value!;
        await KeepEverythingAsync();

        // What the checklist editor saves on every answer: no region read shows a draft.
        var criterion = Domain.Frameworks.ShippedFrameworks.DefaultFramework.Criteria[0].Id;
        var saved = (await _host.RunAsync<AssessmentWorkflow, EditOutcome<Assessment>>(w => w.SaveAnswersAsync(
            manager, ConsortiumA, AssessmentWorkflow.DefaultFramework, draft.Revision, [new AnswerInput(criterion, "met", "Signed by every practice")], CancellationToken.None))).Value;
        Assert.NotNull(saved);
        await AssertReadAgainAsync("draft answer", [], [RegionA, RegionB, RegionC]);

        var submitted = await _host.RunAsync<AssessmentWorkflow, EditOutcome<Assessment>>(w => w.SubmitAsync(
            manager, ConsortiumA, AssessmentWorkflow.DefaultFramework, saved.Revision, CancellationToken.None));
        Assert.Equal(AssessmentStatus.Submitted, submitted.Value?.Status);
        await AssertReadAgainAsync("submission", [RegionA], [RegionB, RegionC]);
    }

    [Fact]
    public async Task A_changed_answer_saved_without_its_assessment_is_placed_by_the_assessment()
    {
        await KeepEverythingAsync();

        await using (var db = _host.OpenContext())
        {
            var response = await db.Set<AssessmentResponse>()
                .Where(r => db.Assessments.Any(a => a.Id == r.AssessmentId && a.ConsortiumCode == ConsortiumA && a.Status == AssessmentStatus.Submitted))
                .OrderBy(r => r.Id).FirstAsync();
            db.Entry(response).Property(r => r.Evidence).CurrentValue = "Changed without its assessment";
            await db.SaveChangesAsync();
        }

        await AssertReadAgainAsync("answer alone", [RegionA], [RegionB, RegionC]);
    }

    [Fact]
    public async Task A_practice_moving_between_consortia_of_two_regions_reads_both_again()
    {
        await KeepEverythingAsync();

        await using (var db = _host.OpenContext())
        {
            var membership = await db.ConsortiumMemberships.Where(m => m.ConsortiumCode == ConsortiumA && m.LeftOn == null).OrderBy(m => m.Id).FirstAsync();
            var on = DateOnly.FromDateTime(DateTime.UtcNow);
            membership.Leave(on);
            db.ConsortiumMemberships.Add(new ConsortiumMembership(ConsortiumB, membership.PracticeCode, on));
            await db.SaveChangesAsync();
        }

        await AssertReadAgainAsync("practice move", [RegionA, RegionB], [RegionC]);
    }

    [Fact]
    public async Task A_consortium_linked_to_a_PCT_of_another_region_reads_both_again()
    {
        await KeepEverythingAsync();

        await using (var db = _host.OpenContext())
        {
            var pct = await db.Pcts.Where(p => p.RegionCode == RegionB).OrderBy(p => p.Code).Select(p => p.Code).FirstAsync();
            db.ConsortiumPcts.Add(new ConsortiumPct(ConsortiumA, pct, isHost: false));
            await db.SaveChangesAsync();
        }

        await AssertReadAgainAsync("PCT link", [RegionA, RegionB], [RegionC]);
    }

    public static TheoryData<string> WideKinds => ["framework publish", "consortium renamed", "user changed", "role removed", "PCT changed"];

    [Theory]
    [MemberData(nameof(WideKinds))]
    public async Task A_save_that_cannot_be_placed_in_a_region_reads_every_region_again(string kind)
    {
        await KeepEverythingAsync();

        await using (var db = _host.OpenContext())
        {
            await SaveAsync(db, kind);
        }

        await AssertReadAgainAsync(kind, [RegionA, RegionB, RegionC], []);
    }

    [Fact]
    public async Task A_bulk_restamp_reads_every_region_again()
    {
        await KeepEverythingAsync();

        await using (var db = _host.OpenContext())
        {
            await DataVersion.RestampAsync(db, CancellationToken.None);
        }

        await AssertReadAgainAsync("restamp", [RegionA, RegionB, RegionC], []);
    }

    [Fact]
    public async Task Stamps_replaced_by_hand_as_operations_says_read_every_region_again()
    {
        await KeepEverythingAsync();
        await using (var db = _host.OpenContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"DataVersion\" SET \"Stamp\" = \"Stamp\" + 1");
        }

        await AssertReadAgainAsync("by hand", [RegionA, RegionB, RegionC], []);
    }

    [Fact]
    public async Task A_save_that_is_rolled_back_reads_nothing_again()
    {
        await KeepEverythingAsync();

        await using (var db = _host.OpenContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await SaveAsync(db, "support action");
            await transaction.RollbackAsync();
        }

        await AssertReadAgainAsync("rolled back", [], [RegionA, RegionB, RegionC]);
    }

    [Fact]
    public async Task What_a_region_read_shows_after_a_save_in_it_is_the_saved_data()
    {
        var request = new RegionDashboardRequest(Search: ConsortiumA);
        Task<RegionDashboardView?> ReadAsync() =>
            _host.RunAsync<RegionDashboard, RegionDashboardView?>(d => d.RegionAsync(_national, RegionA, request, CancellationToken.None));
        await ReadAsync();
        var before = (await ReadAsync())!.Table.Rows.Single(r => r.Code == ConsortiumA);
        var decided = before.Track == Track.FastMover ? Track.NeedsSupport : Track.FastMover;
        await using (var db = _host.OpenContext())
        {
            db.TrackDecisions.Add(new TrackDecision(ConsortiumA, decided, before.ComputedTrack, "Decided at the board", "test", DateTime.UtcNow, null));
            await db.SaveChangesAsync();
        }

        var after = (await ReadAsync())!.Table.Rows.Single(r => r.Code == ConsortiumA);
        Assert.Equal((decided, decided), (after.Override, after.Track));
    }

    private static async Task SaveAsync(TransitionTrackerDbContext db, string kind)
    {
        var inRegion = db.Consortia.Where(c => c.RegionCode == RegionA).Select(c => c.Code);
        switch (kind)
        {
            case "assessment":
                var assessment = await db.Assessments.Where(a => a.ConsortiumCode == ConsortiumA && a.Status == AssessmentStatus.Submitted).OrderBy(a => a.Id).FirstAsync();
                Bump(db, assessment);
                break;
            case "decision":
                db.TrackDecisions.Add(new TrackDecision(ConsortiumA, Track.FastMover, null, "Confirmed at the board", "test", DateTime.UtcNow, null));
                break;
            case "support action":
                Bump(db, await db.SupportActions.Where(a => inRegion.Contains(a.ConsortiumCode)).OrderBy(a => a.Id).FirstAsync());
                break;
            case "plan function":
                Bump(db, await db.PlannedFunctions.Where(a => inRegion.Contains(a.ConsortiumCode)).OrderBy(a => a.Id).FirstAsync());
                break;
            case "milestone":
                Bump(db, await db.Milestones.Where(a => inRegion.Contains(a.ConsortiumCode)).OrderBy(a => a.Id).FirstAsync());
                break;
            case "staff transfer":
                Bump(db, await db.StaffTransfers.Where(a => inRegion.Contains(a.ConsortiumCode)).OrderBy(a => a.Id).FirstAsync());
                break;
            case "interest":
                Bump(db, await db.DeclaredInterests.Where(a => inRegion.Contains(a.ConsortiumCode)).OrderBy(a => a.Id).FirstAsync());
                break;
            case "lesson":
                var lesson = await db.Lessons.Where(a => inRegion.Contains(a.ConsortiumCode)).OrderBy(a => a.Id).FirstAsync();
                db.Entry(lesson).Property(l => l.Title).CurrentValue = lesson.Title + " (revised)";
                break;
            case "quality figures":
                Bump(db, await db.QualityIndicators.Where(q => db.Pcts.Any(p => p.Code == q.PctCode && p.RegionCode == RegionA)).OrderBy(q => q.Id).FirstAsync());
                break;
            case "stage change":
                var consortium = await db.Consortia.SingleAsync(c => c.Code == ConsortiumA);
                var to = consortium.Stage == ConsortiumStage.Authorised ? ConsortiumStage.Shadow : consortium.Stage + 1;
                db.Entry(consortium).Property(c => c.Stage).CurrentValue = to;
                db.Add(new ConsortiumStageChange(ConsortiumA, consortium.Stage, to, DateOnly.FromDateTime(DateTime.UtcNow)));
                break;
            case "framework publish":
                var framework = await db.Frameworks.OrderBy(f => f.Id).FirstAsync();
                framework.PublishedBy += " (again)";
                break;
            case "consortium renamed":
                var renamed = await db.Consortia.SingleAsync(c => c.Code == ConsortiumA);
                db.Entry(renamed).Property(c => c.Name).CurrentValue = renamed.Name + " Partnership";
                break;
            case "user changed":
                var user = await db.Users.OrderBy(u => u.Id).FirstAsync();
                user.PhoneNumber = "0191 000 0000";
                break;
            case "role removed":
                db.RoleAssignments.Remove(await db.RoleAssignments.OrderBy(r => r.Id).FirstAsync());
                break;
            case "PCT changed":
                var pct = await db.Pcts.Where(p => p.RegionCode == RegionA).OrderBy(p => p.Code).FirstAsync();
                db.Entry(pct).Property(p => p.Name).CurrentValue = pct.Name + " (renamed)";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such kind of save in this test.");
        }

        await db.SaveChangesAsync();
    }

    // A change that shows: the record's revision goes up, as every edit of it does.
    private static void Bump(TransitionTrackerDbContext db, object entity)
    {
        var revision = db.Entry(entity).Property("Revision");
        revision.CurrentValue = (int)revision.CurrentValue! + 1;
    }

    /// <summary>Reads every region's dashboard and B's status page twice: the second time nothing is queried.</summary>
    private async Task KeepEverythingAsync()
    {
        foreach (var region in new[] { RegionA, RegionB, RegionC })
        {
            await RegionAsync(region);
        }

        await StatusAsync(ConsortiumB);
        _commands.Clear();
        foreach (var region in new[] { RegionA, RegionB, RegionC })
        {
            Assert.NotNull(await RegionAsync(region));
        }

        Assert.NotNull(await StatusAsync(ConsortiumB));
        Assert.Empty(_commands.Texts);
    }

    private async Task AssertReadAgainAsync(string kind, string[] readAgain, string[] kept)
    {
        foreach (var region in readAgain)
        {
            _commands.Clear();
            Assert.NotNull(await RegionAsync(region));
            Assert.True(_commands.Reading("\"Consortia\"") > 0, $"After a {kind} save, region {region}'s dashboard was served from memory.");
        }

        foreach (var region in kept)
        {
            _commands.Clear();
            Assert.NotNull(await RegionAsync(region));
            Assert.True(_commands.Texts.Count == 0, $"After a {kind} save, region {region}'s dashboard was read again: {string.Join("\n", _commands.Texts)}");
        }

        // The status page of a consortium in B: its own records are B's (its milestones are read with them).
        _commands.Clear();
        Assert.NotNull(await StatusAsync(ConsortiumB));
        Assert.Equal(readAgain.Contains(RegionB), _commands.Reading("\"Milestones\"") > 0);
    }

    private Task<RegionDashboardView?> RegionAsync(string region) =>
        _host.RunAsync<RegionDashboard, RegionDashboardView?>(d => d.RegionAsync(_national, region, new RegionDashboardRequest(), CancellationToken.None));

    private Task<ConsortiumStatusView?> StatusAsync(string code) =>
        _host.RunAsync<ConsortiumStatus, ConsortiumStatusView?>(s => s.GetAsync(_national, code, CancellationToken.None));

    private sealed class CommandLog : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public IReadOnlyList<string> Texts => [.. _texts];

        public void Clear() => _texts.Clear();

        /// <summary>How many commands read from <paramref name="table"/> (quoted as in the SQL).</summary>
        public int Reading(string table) => _texts.Count(t => t.Contains("FROM " + table, StringComparison.Ordinal) || t.Contains("JOIN " + table, StringComparison.Ordinal));

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            _texts.Enqueue(command.CommandText);
            return result;
        }
    }
}
