using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Tests.Infrastructure;

namespace TransitionTracker.Application.Tests.Consortia;

/// <summary>
/// Lists hold only the consortia the reader may read; one consortium comes with its members and PCTs; a consortium out
/// of scope is "not found", exactly like one that does not exist.
/// </summary>
public sealed class ConsortiumCatalogueTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_pct_manager_lists_their_pcts_consortia_and_no_others()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        var listed = await _host.RunAsync<ConsortiumCatalogue, IReadOnlyList<ConsortiumSummary>>(c => c.ListAsync(manager, new ConsortiumFilter(), CancellationToken.None));
        var signedOut = await _host.RunAsync<ConsortiumCatalogue, IReadOnlyList<ConsortiumSummary>>(c => c.ListAsync(null, new ConsortiumFilter(), CancellationToken.None));

        Assert.Contains(listed, c => c.Code == Demo.ManagedConsortium);
        Assert.DoesNotContain(listed, c => c.Code == Demo.OtherConsortium);
        Assert.All(listed, c => Assert.Contains("5D7", c.PctCodes));
        Assert.Empty(signedOut);
    }

    [Fact]
    public async Task One_consortium_comes_with_its_current_members_and_linked_pcts()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        var detail = await _host.RunAsync<ConsortiumCatalogue, ConsortiumDetail?>(c => c.GetDetailAsync(manager, "00h", CancellationToken.None));
        var summary = await _host.RunAsync<ConsortiumCatalogue, ConsortiumSummary?>(c => c.FindWithStandingAsync(manager, Demo.ManagedConsortium, CancellationToken.None));

        Assert.NotNull(detail);
        Assert.Equal(Demo.ManagedConsortium, detail.Summary.Code);
        Assert.Equal(detail.Summary.PracticeCount, detail.Members.Count);
        Assert.Contains(detail.Pcts, p => p.IsHost);
        Assert.Equal(Demo.ManagedConsortium, summary?.Code);
        Assert.NotNull(summary?.Track);
    }

    [Fact]
    public async Task Out_of_scope_unknown_malformed_or_signed_out_is_not_found()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var regional = await _host.UserAsync(Demo.RegionalLead);

        foreach (var (user, code) in new[] { (manager, Demo.OtherConsortium), (regional, Demo.OtherRegionConsortium), (manager, "ZZZ"), (manager, "not a code"), (null, Demo.ManagedConsortium) })
        {
            Assert.Null(await _host.RunAsync<ConsortiumCatalogue, ConsortiumSummary?>(c => c.FindAsync(user, code, CancellationToken.None)));
            Assert.Null(await _host.RunAsync<ConsortiumCatalogue, ConsortiumSummary?>(c => c.FindWithStandingAsync(user, code, CancellationToken.None)));
            Assert.Null(await _host.RunAsync<ConsortiumCatalogue, ConsortiumDetail?>(c => c.GetDetailAsync(user, code, CancellationToken.None)));
        }
    }
}
