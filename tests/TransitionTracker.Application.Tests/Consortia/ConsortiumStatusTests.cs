using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.SupportActions;
using TransitionTracker.Application.Tests.Infrastructure;

namespace TransitionTracker.Application.Tests.Consortia;

/// <summary>
/// A consortium's status page contents: shared between readers through the read cache, yet each reader's scope decides
/// whether they see it and what they may do; a change shows at once.
/// </summary>
public sealed class ConsortiumStatusTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_pct_manager_edits_and_the_regional_lead_reviews_the_same_status()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var regional = await _host.UserAsync(Demo.RegionalLead);

        var managed = await _host.RunAsync<ConsortiumStatus, ConsortiumStatusView?>(s => s.GetAsync(manager, "00h", CancellationToken.None));
        var reviewed = await _host.RunAsync<ConsortiumStatus, ConsortiumStatusView?>(s => s.GetAsync(regional, Demo.ManagedConsortium, CancellationToken.None));

        Assert.NotNull(managed);
        Assert.NotNull(reviewed);
        Assert.Equal(Demo.ManagedConsortium, managed.Consortium.Summary.Code);
        Assert.Equal((true, false), (managed.CanEdit, managed.CanReview));
        Assert.Equal((false, true), (reviewed.CanEdit, reviewed.CanReview));
        Assert.Same(managed.Consortium, reviewed.Consortium);
        Assert.NotNull(managed.Readiness.Latest);
        Assert.InRange(managed.WeakestDomains.Count, 1, ConsortiumStatus.WeakestDomainCount);
        var scores = managed.WeakestDomains.Select(id => managed.Readiness.Latest!.Domains.Single(d => d.Id == id).Score).ToList();
        Assert.Equal(scores.Order(), scores);
        Assert.True(managed.Readiness.Latest!.Domains.Where(d => d.Score is not null).All(d => d.Score >= scores[^1] || managed.WeakestDomains.Contains(d.Id)));
        Assert.All(managed.LessonsFromOthers, l => Assert.Contains(l.DomainId, managed.WeakestDomains));
        Assert.All(managed.LessonsFromOthers, l => Assert.NotEqual(Demo.ManagedConsortium, l.ConsortiumCode));
        Assert.Equal(managed.Milestones.OrderBy(m => m.Kind).Select(m => m.Kind), managed.Milestones.Select(m => m.Kind));
    }

    [Fact]
    public async Task Out_of_scope_is_not_found_even_when_another_reader_has_it_cached()
    {
        var national = await _host.UserAsync(Demo.National);
        var manager = await _host.UserAsync(Demo.PctManager);
        var regional = await _host.UserAsync(Demo.RegionalLead);
        Assert.NotNull(await _host.RunAsync<ConsortiumStatus, ConsortiumStatusView?>(s => s.GetAsync(national, Demo.OtherConsortium, CancellationToken.None)));
        Assert.NotNull(await _host.RunAsync<ConsortiumStatus, ConsortiumStatusView?>(s => s.GetAsync(national, Demo.OtherRegionConsortium, CancellationToken.None)));

        Assert.Null(await _host.RunAsync<ConsortiumStatus, ConsortiumStatusView?>(s => s.GetAsync(manager, Demo.OtherConsortium, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<ConsortiumStatus, ConsortiumStatusView?>(s => s.GetAsync(regional, Demo.OtherRegionConsortium, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<ConsortiumStatus, ConsortiumStatusView?>(s => s.GetAsync(null, Demo.ManagedConsortium, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<ConsortiumStatus, ConsortiumStatusView?>(s => s.GetAsync(national, "ZZZ", CancellationToken.None)));
        Assert.Null(await _host.RunAsync<ConsortiumStatus, ConsortiumStatusView?>(s => s.GetAsync(national, "<script>", CancellationToken.None)));
    }

    [Fact]
    public async Task An_action_added_shows_at_once_on_a_status_already_read()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var before = await _host.RunAsync<ConsortiumStatus, ConsortiumStatusView?>(s => s.GetAsync(manager, Demo.ManagedConsortium, CancellationToken.None));

        var form = new SupportActionForm
        {
            Criterion = "GOV-02",
            Description = "Agree a conflicts of interest policy",
            Owner = "PCT development lead",
            DueDay = "31",
            DueMonth = "3",
            DueYear = "2031",
        };
        var added = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.AddAsync(manager, Demo.ManagedConsortium, form, CancellationToken.None));
        var after = await _host.RunAsync<ConsortiumStatus, ConsortiumStatusView?>(s => s.GetAsync(manager, Demo.ManagedConsortium, CancellationToken.None));

        Assert.True(added.IsSaved);
        Assert.DoesNotContain(before!.Actions, a => a.Id == added.SavedId);
        Assert.Contains(after!.Actions, a => a.Id == added.SavedId && a.Description == "Agree a conflicts of interest policy");
    }
}
