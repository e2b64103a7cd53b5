using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Changes;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.SupportActions;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Domain.SupportActions;

namespace TransitionTracker.Application.Tests.Changes;

/// <summary>A consortium's audit trail, a page of saves at a time, for those who may read the consortium.</summary>
public sealed class ChangeHistoryTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Readers_of_the_consortium_see_its_latest_save_first_with_who_and_each_field_as_stored()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var added = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.AddAsync(manager, Demo.ManagedConsortium, new SupportActionForm
        {
            Criterion = "GOV-02",
            Description = "Agree the transitional plan with the PCT",
            Owner = "PCT development lead",
            DueDay = "31",
            DueMonth = "3",
            DueYear = "2031",
        }, CancellationToken.None));
        Assert.True(added.IsSaved);
        var regional = await _host.UserAsync(Demo.RegionalLead);

        var page = await _host.RunAsync<ChangeHistory, ChangeHistoryPage?>(h => h.PageAsync(regional, "00h", 1, CancellationToken.None));

        Assert.NotNull(page);
        Assert.Equal(1, page.PageNumber);
        Assert.Equal((1, Math.Min(page.TotalChanges, ChangeHistory.PageSize)), (page.FirstPosition, page.LastPosition));
        Assert.Equal(Math.Max(1, (page.TotalChanges + ChangeHistory.PageSize - 1) / ChangeHistory.PageSize), page.PageCount);
        var latest = page.Saves[0];
        Assert.Equal(Demo.PctManager, latest.Actor);
        var entry = Assert.Single(latest.Entries);
        Assert.Equal((nameof(SupportAction), "Added", added.SavedId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.EntityType, entry.Action, entry.EntityKey));
        Assert.Contains(new FieldChange(nameof(SupportAction.Description), null, "Agree the transitional plan with the PCT"), entry.Changes);
        Assert.Contains(new FieldChange(nameof(SupportAction.DueOn), null, "2031-03-31"), entry.Changes);
    }

    [Fact]
    public async Task Out_of_scope_readers_and_pages_that_do_not_exist_are_not_found_and_nothing_is_changed()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var regional = await _host.UserAsync(Demo.RegionalLead);
        var before = await AuditCountAsync();

        var otherPct = await _host.RunAsync<ChangeHistory, ChangeHistoryPage?>(h => h.PageAsync(manager, Demo.OtherConsortium, 1, CancellationToken.None));
        var otherRegion = await _host.RunAsync<ChangeHistory, ChangeHistoryPage?>(h => h.PageAsync(regional, Demo.OtherRegionConsortium, 1, CancellationToken.None));
        var nobody = await _host.RunAsync<ChangeHistory, ChangeHistoryPage?>(h => h.PageAsync(null, Demo.ManagedConsortium, 1, CancellationToken.None));
        var unknown = await _host.RunAsync<ChangeHistory, ChangeHistoryPage?>(h => h.PageAsync(manager, "not a code", 1, CancellationToken.None));
        var first = await _host.RunAsync<ChangeHistory, ChangeHistoryPage?>(h => h.PageAsync(manager, Demo.ManagedConsortium, 1, CancellationToken.None));
        var zero = await _host.RunAsync<ChangeHistory, ChangeHistoryPage?>(h => h.PageAsync(manager, Demo.ManagedConsortium, 0, CancellationToken.None));
        var beyond = await _host.RunAsync<ChangeHistory, ChangeHistoryPage?>(h => h.PageAsync(manager, Demo.ManagedConsortium, first!.PageCount + 1, CancellationToken.None));

        Assert.Null(otherPct);
        Assert.Null(otherRegion);
        Assert.Null(nobody);
        Assert.Null(unknown);
        Assert.NotNull(first);
        Assert.Null(zero);
        Assert.Null(beyond);
        Assert.Equal(before, await AuditCountAsync());
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = _host.OpenContext();
        return await db.AuditEntries.CountAsync();
    }
}
