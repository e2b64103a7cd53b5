using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Tests.Infrastructure;

namespace TransitionTracker.Application.Tests.Consortia;

/// <summary>A PCT manager records a practice moving between consortia of their PCT (5D7: 00G and 00H), with its date.</summary>
public sealed class PracticeMovesTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_move_ends_one_membership_the_day_the_other_starts_and_both_populations_follow()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var (practice, listSize, joinedOn) = await MemberOfAsync("00G");
        var before = (await PopulationAsync("00G"), await PopulationAsync("00H"));
        var movedOn = joinedOn.AddDays(30);

        var outcome = await _host.RunAsync<PracticeMoves, EditOutcome>(m => m.MoveAsync(manager, practice, "00G", "00H", movedOn, CancellationToken.None));

        Assert.True(outcome.IsSaved);
        Assert.Equal((before.Item1 - listSize, before.Item2 + listSize), (await PopulationAsync("00G"), await PopulationAsync("00H")));
        var read = await _host.RunAsync<PracticeMoves, PracticeMembership?>(m => m.FindAsync(manager, practice, CancellationToken.None));
        Assert.Equal("00H", read!.Current!.ConsortiumCode);
        Assert.Equal(
            [("00H", movedOn, (DateOnly?)null), ("00G", joinedOn, movedOn)],
            read.History.Select(h => (h.ConsortiumCode, h.JoinedOn, h.LeftOn)).ToList());
        await using var db = _host.OpenContext();
        var audited = await db.AuditEntries.Where(a => a.EntityType == "ConsortiumMembership").Select(a => a.ConsortiumCode).ToListAsync();
        Assert.Contains("00G", audited);
        Assert.Contains("00H", audited);
    }

    [Fact]
    public async Task A_practice_that_leaves_joins_none_and_can_join_again_only_from_the_day_it_left()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var (practice, _, joinedOn) = await MemberOfAsync("00H");
        var leftOn = joinedOn.AddDays(10);

        Assert.True((await MoveAsync(manager, practice, "00H", null, leftOn)).IsSaved);
        var early = await MoveAsync(manager, practice, null, "00G", leftOn.AddDays(-1));
        var rejoined = await MoveAsync(manager, practice, null, "00G", leftOn.AddDays(5));

        Assert.Equal([PracticeMoves.DateField], early.Problems.Select(p => p.Field));
        Assert.True(rejoined.IsSaved);
        var read = await _host.RunAsync<PracticeMoves, PracticeMembership?>(m => m.FindAsync(manager, practice, CancellationToken.None));
        Assert.Equal(("00G", leftOn.AddDays(5)), (read!.Current!.ConsortiumCode, read.Current.JoinedOn));
    }

    [Fact]
    public async Task Bad_input_is_refused_beside_its_field_and_changes_nothing()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var (practice, _, joinedOn) = await MemberOfAsync("00G");
        var before = await MembershipsAsync(practice);

        var cases = new (string? To, DateOnly? On, string Field, string Starts)[]
        {
            ("00H", null, PracticeMoves.DateField, "Enter the date"),
            ("00H", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2), PracticeMoves.DateField, "The date must be today or in the past"),
            ("00H", joinedOn.AddDays(-1), PracticeMoves.DateField, "The date must be on or after"),
            ("00H", new DateOnly(2009, 1, 1), PracticeMoves.DateField, "The date must be on or after"),
            ("00G", joinedOn.AddDays(1), PracticeMoves.ConsortiumField, "The practice is already a member"),
            (Demo.OtherConsortium, joinedOn.AddDays(1), PracticeMoves.ConsortiumField, "You can record a practice joining only"),
            ("not a code!", joinedOn.AddDays(1), PracticeMoves.ConsortiumField, "There is no consortium"),
        };

        foreach (var (to, on, field, starts) in cases)
        {
            var outcome = await MoveAsync(manager, practice, "00G", to, on);
            Assert.Equal(EditStatus.Invalid, outcome.Status);
            var problem = Assert.Single(outcome.Problems);
            Assert.Equal(field, problem.Field);
            Assert.StartsWith(starts, problem.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, await MembershipsAsync(practice));
    }

    [Fact]
    public async Task A_move_based_on_where_the_practice_no_longer_is_is_a_conflict_and_changes_nothing()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var (practice, _, joinedOn) = await MemberOfAsync("00G");
        Assert.True((await MoveAsync(manager, practice, "00G", "00H", joinedOn.AddDays(3))).IsSaved);
        var after = await MembershipsAsync(practice);

        var stale = await MoveAsync(manager, practice, "00G", null, joinedOn.AddDays(4));

        Assert.Equal(EditStatus.Conflict, stale.Status);
        Assert.Equal(Demo.PctManager, stale.Conflict!.ChangedBy);
        Assert.Equal(after, await MembershipsAsync(practice));
    }

    [Fact]
    public async Task Anyone_but_a_manager_of_the_practices_pct_is_told_not_found_and_nothing_changes()
    {
        var (practice, _, joinedOn) = await MemberOfAsync("00G");
        var before = await MembershipsAsync(practice);

        foreach (var email in new[] { Demo.ConsortiumLead, Demo.RegionalLead, Demo.National, Demo.Administrator })
        {
            var user = await _host.UserAsync(email);
            Assert.Null(await _host.RunAsync<PracticeMoves, PracticeMembership?>(m => m.FindAsync(user, practice, CancellationToken.None)));
            Assert.Equal(EditStatus.NotFound, (await MoveAsync(user, practice, "00G", "00H", joinedOn.AddDays(1))).Status);
        }

        Assert.Equal(EditStatus.NotFound, (await MoveAsync(null, practice, "00G", "00H", joinedOn.AddDays(1))).Status);
        Assert.Equal(before, await MembershipsAsync(practice));
    }

    private Task<EditOutcome> MoveAsync(ActingUser? user, string practice, string? from, string? to, DateOnly? on) =>
        _host.RunAsync<PracticeMoves, EditOutcome>(m => m.MoveAsync(user, practice, from, to, on, CancellationToken.None));

    private async Task<(string Code, int ListSize, DateOnly JoinedOn)> MemberOfAsync(string consortium)
    {
        await using var db = _host.OpenContext();
        var member = await (from m in db.ConsortiumMemberships
                            join p in db.Practices on m.PracticeCode equals p.Code
                            where m.ConsortiumCode == consortium && m.LeftOn == null && p.PctCode == "5D7"
                            orderby m.JoinedOn, p.Code
                            select new { p.Code, p.ListSize, m.JoinedOn }).FirstAsync();
        return (member.Code, member.ListSize, member.JoinedOn);
    }

    private async Task<int> PopulationAsync(string consortium)
    {
        await using var db = _host.OpenContext();
        return await (from m in db.ConsortiumMemberships
                      join p in db.Practices on m.PracticeCode equals p.Code
                      where m.ConsortiumCode == consortium && m.LeftOn == null
                      select p.ListSize).SumAsync();
    }

    private async Task<List<(string, DateOnly, DateOnly?)>> MembershipsAsync(string practice)
    {
        await using var db = _host.OpenContext();
        var rows = await db.ConsortiumMemberships.Where(m => m.PracticeCode == practice).OrderBy(m => m.Id)
            .Select(m => new { m.ConsortiumCode, m.JoinedOn, m.LeftOn }).ToListAsync();
        return rows.Select(r => (r.ConsortiumCode, r.JoinedOn, r.LeftOn)).ToList();
    }
}
