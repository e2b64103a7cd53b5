using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Tests.Infrastructure;

namespace TransitionTracker.Application.Tests.Consortia;

/// <summary>Lists hold only the consortia the reader may read; one consortium comes with its members and PCTs.</summary>
public sealed class ConsortiumCatalogueTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_pct_manager_lists_their_pcts_consortia_and_no_others()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        var listed = await _host.RunAsync<ConsortiumCatalogue, IReadOnlyList<ConsortiumSummary>>(c => c.ListAsync(new ConsortiumFilter(), manager.Access, CancellationToken.None));

        Assert.Contains(listed, c => c.Code == Demo.ManagedConsortium);
        Assert.DoesNotContain(listed, c => c.Code == Demo.OtherConsortium);
        Assert.All(listed, c => Assert.Contains("5D7", c.PctCodes));
    }

    [Fact]
    public async Task One_consortium_comes_with_its_current_members_and_linked_pcts()
    {
        var detail = await _host.RunAsync<ConsortiumCatalogue, ConsortiumDetail?>(c => c.GetDetailAsync(Demo.ManagedConsortium, CancellationToken.None));

        Assert.NotNull(detail);
        Assert.Equal(detail.Summary.PracticeCount, detail.Members.Count);
        Assert.Contains(detail.Pcts, p => p.IsHost);
        Assert.Null(await _host.RunAsync<ConsortiumCatalogue, ConsortiumDetail?>(c => c.GetDetailAsync("ZZZ", CancellationToken.None)));
    }
}
