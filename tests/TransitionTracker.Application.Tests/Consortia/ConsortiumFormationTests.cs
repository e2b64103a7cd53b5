using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Application.Tests.Consortia;

/// <summary>A regional lead (Q30) records stage changes and merges of consortia in their region, with dates.</summary>
public sealed class ConsortiumFormationTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_stage_change_is_recorded_with_its_date_and_kept_as_history()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);
        var before = await FindAsync(lead, "00G");
        var next = Next(before!.Stage);

        var outcome = await ChangeStageAsync(lead, "00G", before.Stage.ToWire(), next.ToWire(), new DateOnly(2011, 6, 1));

        Assert.True(outcome.IsSaved);
        var after = await FindAsync(lead, "00G");
        Assert.Equal(next, after!.Stage);
        Assert.Equal(new StageChangeItem(before.Stage, next, new DateOnly(2011, 6, 1)), after.StageChanges[0]);
        var earlier = await ChangeStageAsync(lead, "00G", next.ToWire(), before.Stage.ToWire(), new DateOnly(2011, 5, 1));
        Assert.Equal([ConsortiumFormation.DateField], earlier.Problems.Select(p => p.Field));
    }

    [Fact]
    public async Task Bad_stage_changes_are_refused_beside_their_field_and_a_stale_stage_is_a_conflict()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);
        var stage = (await FindAsync(lead, "00G"))!.Stage;
        var other = Next(stage).ToWire();

        Assert.Equal([ConsortiumFormation.StageField], (await ChangeStageAsync(lead, "00G", stage.ToWire(), "nonsense", new DateOnly(2011, 6, 1))).Problems.Select(p => p.Field));
        Assert.Equal([ConsortiumFormation.StageField], (await ChangeStageAsync(lead, "00G", stage.ToWire(), stage.ToWire(), new DateOnly(2011, 6, 1))).Problems.Select(p => p.Field));
        Assert.Equal([ConsortiumFormation.DateField], (await ChangeStageAsync(lead, "00G", stage.ToWire(), other, null)).Problems.Select(p => p.Field));
        Assert.Equal([ConsortiumFormation.DateField], (await ChangeStageAsync(lead, "00G", stage.ToWire(), other, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3))).Problems.Select(p => p.Field));
        Assert.Equal(EditStatus.Conflict, (await ChangeStageAsync(lead, "00G", other, Next(Next(stage)).ToWire(), new DateOnly(2011, 6, 1))).Status);
        Assert.Equal(stage, (await FindAsync(lead, "00G"))!.Stage);
        Assert.Empty((await FindAsync(lead, "00G"))!.StageChanges);
    }

    [Fact]
    public async Task A_merge_moves_every_member_that_day_and_the_dashboards_count_one_consortium_from_then()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);
        var countedBefore = (await RegionAsync(lead))!.Figures.Consortia;
        var (members, population) = await MembersAsync("00G");
        var (targetMembers, targetPopulation) = await MembersAsync("00H");
        var mergedOn = await LastJoinedAsync("00G");

        var outcome = await MergeAsync(lead, "00G", "00H", mergedOn);

        Assert.True(outcome.IsSaved);
        Assert.Equal((0, 0), await MembersAsync("00G"));
        Assert.Equal((targetMembers + members, targetPopulation + population), await MembersAsync("00H"));
        var source = await FindAsync(lead, "00G");
        Assert.Equal(("00H", mergedOn, false), (source!.MergedIntoCode, source.MergedOn, source.CanRecord));
        Assert.Contains(source.MembershipChanges, c => !c.Joined && c.On == mergedOn);
        var target = await FindAsync(lead, "00H");
        Assert.Equal("00G", Assert.Single(target!.MergedIn).Code);
        var dashboard = await RegionAsync(lead);
        Assert.Equal(countedBefore - 1, dashboard!.Figures.Consortia);
        Assert.DoesNotContain(dashboard.Table.Rows, c => c.Code == "00G");

        var manager = await _host.UserAsync(Demo.PctManager);
        var member = await AnyMemberAsync("00H");
        var choices = (await _host.RunAsync<PracticeMoves, PracticeMembership?>(m => m.FindAsync(manager, member, CancellationToken.None)))!.Choices;
        Assert.DoesNotContain(choices, c => c.Code == "00G");
        Assert.Equal(EditStatus.Conflict, (await MergeAsync(lead, "00G", "00H", mergedOn)).Status);
    }

    [Fact]
    public async Task Bad_merges_are_refused_beside_their_field_and_change_nothing()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);
        var before = await MembersAsync("00G");
        var lastJoined = await LastJoinedAsync("00G");

        Assert.Equal([ConsortiumFormation.IntoField], (await MergeAsync(lead, "00G", null, lastJoined)).Problems.Select(p => p.Field));
        Assert.Equal([ConsortiumFormation.IntoField], (await MergeAsync(lead, "00G", "00G", lastJoined)).Problems.Select(p => p.Field));
        Assert.Equal([ConsortiumFormation.IntoField], (await MergeAsync(lead, "00G", Demo.OtherRegionConsortium, lastJoined)).Problems.Select(p => p.Field));
        var early = await MergeAsync(lead, "00G", "00H", lastJoined.AddDays(-1));
        Assert.Equal([ConsortiumFormation.DateField], early.Problems.Select(p => p.Field));
        Assert.EndsWith("when its newest member joined", early.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, await MembersAsync("00G"));
    }

    [Fact]
    public async Task A_split_forms_a_new_consortium_with_the_chosen_practices_that_day_linked_to_the_same_pcts()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);
        var view = (await FindAsync(lead, "00G"))!;
        var leaving = view.Members.Take(3).ToList();
        var on = await LastJoinedAsync("00G");
        var (members, population) = await MembersAsync("00G");

        var outcome = await SplitAsync(lead, "00G", "new01", "  Newcastle Riverside GP consortium ", leaving.Select(m => m.Code).ToList(), on);

        Assert.True(outcome.IsSaved);
        Assert.Equal((members - 3, population - leaving.Sum(m => m.ListSize)), await MembersAsync("00G"));
        Assert.Equal((3, leaving.Sum(m => m.ListSize)), await MembersAsync("NEW01"));
        var formed = (await FindAsync(lead, "NEW01"))!;
        Assert.Equal(("Newcastle Riverside GP consortium", ConsortiumStage.Shadow), (formed.Name, formed.Stage));
        Assert.Equal(new MergedConsortium("00G", view.Name, on), formed.SplitFrom);
        Assert.Equal("NEW01", Assert.Single((await FindAsync(lead, "00G"))!.SplitOffs).Code);
        await using var db = _host.OpenContext();
        Assert.Equal(
            await db.ConsortiumPcts.Where(p => p.ConsortiumCode == "00G").OrderBy(p => p.PctCode).Select(p => p.PctCode + p.IsHost).ToListAsync(),
            await db.ConsortiumPcts.Where(p => p.ConsortiumCode == "NEW01").OrderBy(p => p.PctCode).Select(p => p.PctCode + p.IsHost).ToListAsync());

        // The PCT manager of 5D7 may now move practices into the new consortium; its dashboard counts it.
        var manager = await _host.UserAsync(Demo.PctManager);
        var member = await AnyMemberAsync("00H");
        Assert.Contains((await _host.RunAsync<PracticeMoves, PracticeMembership?>(m => m.FindAsync(manager, member, CancellationToken.None)))!.Choices, c => c.Code == "NEW01");
    }

    [Fact]
    public async Task Bad_splits_are_refused_beside_their_field_and_change_nothing()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);
        var view = (await FindAsync(lead, "00G"))!;
        var some = view.Members.Take(2).Select(m => m.Code).ToList();
        var on = await LastJoinedAsync("00G");
        var before = await MembersAsync("00G");

        var cases = new (string? Code, string? Name, IReadOnlyCollection<string>? Practices, DateOnly? On, string Field)[]
        {
            (null, "New", some, on, ConsortiumFormation.CodeField),
            ("00H", "New", some, on, ConsortiumFormation.CodeField),
            ("not a code!", "New", some, on, ConsortiumFormation.CodeField),
            ("NEW01", " ", some, on, ConsortiumFormation.NameField),
            ("NEW01", new string('n', 201), some, on, ConsortiumFormation.NameField),
            ("NEW01", "New", [], on, ConsortiumFormation.PracticesField),
            ("NEW01", "New", ["A89001"], on, ConsortiumFormation.PracticesField),
            ("NEW01", "New", view.Members.Select(m => m.Code).ToList(), on, ConsortiumFormation.PracticesField),
            ("NEW01", "New", some, null, ConsortiumFormation.DateField),
        };

        foreach (var (code, name, practices, date, field) in cases)
        {
            var outcome = await SplitAsync(lead, "00G", code, name, practices, date);
            Assert.Equal(EditStatus.Invalid, outcome.Status);
            Assert.Equal([field], outcome.Problems.Select(p => p.Field));
        }

        Assert.Equal(before, await MembersAsync("00G"));
        Assert.Null(await FindAsync(lead, "NEW01"));
    }

    [Fact]
    public async Task Only_regional_leads_of_the_region_record_stages_and_merges()
    {
        var stage = (await FindAsync(await _host.UserAsync(Demo.RegionalLead), "00G"))!.Stage;
        var before = await MembersAsync("00G");

        foreach (var email in new[] { Demo.PctManager, Demo.ConsortiumLead, Demo.National, Demo.Administrator, DemoRegional("Q31") })
        {
            var user = await _host.UserAsync(email);
            Assert.False((await FindAsync(user, "00G"))?.CanRecord ?? false);
            Assert.Equal(EditStatus.NotFound, (await ChangeStageAsync(user, "00G", stage.ToWire(), Next(stage).ToWire(), new DateOnly(2011, 6, 1))).Status);
            Assert.Equal(EditStatus.NotFound, (await MergeAsync(user, "00G", "00H", new DateOnly(2013, 4, 1))).Status);
            Assert.Equal(EditStatus.NotFound, (await SplitAsync(user, "00G", "NEW01", "New", ["A86003"], new DateOnly(2013, 4, 1))).Status);
        }

        Assert.Equal(stage, (await FindAsync(await _host.UserAsync(Demo.RegionalLead), "00G"))!.Stage);
        Assert.Equal(before, await MembersAsync("00G"));
    }

    private Task<RegionDashboardView?> RegionAsync(ActingUser lead) =>
        _host.RunAsync<RegionDashboard, RegionDashboardView?>(d => d.RegionAsync(lead, Demo.Region, new RegionDashboardRequest(Pct: "5D7"), CancellationToken.None));

    private static string DemoRegional(string region) => TransitionTracker.Data.Seeding.DemoAccountSeeder.Regional(region);

    private static ConsortiumStage Next(ConsortiumStage stage) => stage == ConsortiumStage.Authorised ? ConsortiumStage.Shadow : stage + 1;

    private Task<ConsortiumFormationView?> FindAsync(ActingUser user, string code) =>
        _host.RunAsync<ConsortiumFormation, ConsortiumFormationView?>(f => f.FindAsync(user, code, CancellationToken.None));

    private Task<EditOutcome> ChangeStageAsync(ActingUser user, string code, string from, string? to, DateOnly? on) =>
        _host.RunAsync<ConsortiumFormation, EditOutcome>(f => f.ChangeStageAsync(user, code, from, to, on, CancellationToken.None));

    private Task<EditOutcome> MergeAsync(ActingUser user, string code, string? into, DateOnly? on) =>
        _host.RunAsync<ConsortiumFormation, EditOutcome>(f => f.MergeAsync(user, code, into, on, CancellationToken.None));

    private Task<EditOutcome> SplitAsync(ActingUser user, string code, string? newCode, string? name, IReadOnlyCollection<string>? practices, DateOnly? on) =>
        _host.RunAsync<ConsortiumFormation, EditOutcome>(f => f.SplitAsync(user, code, newCode, name, practices, on, CancellationToken.None));

    private async Task<(int Members, int Population)> MembersAsync(string consortium)
    {
        await using var db = _host.OpenContext();
        var sizes = await (from m in db.ConsortiumMemberships
                           join p in db.Practices on m.PracticeCode equals p.Code
                           where m.ConsortiumCode == consortium && m.LeftOn == null
                           select p.ListSize).ToListAsync();
        return (sizes.Count, sizes.Sum());
    }

    private async Task<DateOnly> LastJoinedAsync(string consortium)
    {
        await using var db = _host.OpenContext();
        return await db.ConsortiumMemberships.Where(m => m.ConsortiumCode == consortium && m.LeftOn == null).MaxAsync(m => m.JoinedOn);
    }

    private async Task<string> AnyMemberAsync(string consortium)
    {
        await using var db = _host.OpenContext();
        return await (from m in db.ConsortiumMemberships
                      join p in db.Practices on m.PracticeCode equals p.Code
                      where m.ConsortiumCode == consortium && m.LeftOn == null && p.PctCode == "5D7"
                      select m.PracticeCode).FirstAsync();
    }
}
