using TransitionTracker.Application.Access;
using TransitionTracker.Application.Tests.Infrastructure;

namespace TransitionTracker.Application.Tests.Access;

/// <summary>The scope check every use case makes: in scope, out of scope and unknown codes, for each kind of organisation.</summary>
public sealed class OrganisationScopeTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(OrganisationKind.Consortium, AccessOperation.Edit, Demo.ManagedConsortium, true)]
    [InlineData(OrganisationKind.Consortium, AccessOperation.Read, Demo.ManagedConsortium, true)]
    [InlineData(OrganisationKind.Consortium, AccessOperation.Review, Demo.ManagedConsortium, false)]
    [InlineData(OrganisationKind.Consortium, AccessOperation.Edit, Demo.OtherConsortium, false)]
    [InlineData(OrganisationKind.Consortium, AccessOperation.Read, Demo.OtherConsortium, false)]
    [InlineData(OrganisationKind.Consortium, AccessOperation.Read, "ZZZ", false)]
    [InlineData(OrganisationKind.Pct, AccessOperation.Edit, "5D7", true)]
    [InlineData(OrganisationKind.Pct, AccessOperation.Edit, "5D8", false)]
    [InlineData(OrganisationKind.Region, AccessOperation.Read, "Q31", false)]
    [InlineData(OrganisationKind.Consortium, AccessOperation.Read, "", false)]
    public async Task A_pct_manager_reaches_their_own_pcts_consortia_only(OrganisationKind kind, AccessOperation operation, string code, bool allowed)
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        Assert.Equal(allowed, await _host.RunAsync<OrganisationScope, bool>(s => s.AllowsAsync(manager, kind, operation, code, CancellationToken.None)));
    }

    [Fact]
    public async Task Nobody_signed_in_reaches_nothing()
    {
        Assert.False(await _host.RunAsync<OrganisationScope, bool>(s => s.CanReadConsortiumAsync(null, Demo.ManagedConsortium, CancellationToken.None)));
    }

    [Fact]
    public async Task A_regional_lead_reviews_their_regions_consortia_only()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);

        Assert.True(await _host.RunAsync<OrganisationScope, bool>(s => s.AllowsAsync(lead, OrganisationKind.Consortium, AccessOperation.Review, Demo.LeadsConsortium, CancellationToken.None)));
        Assert.False(await _host.RunAsync<OrganisationScope, bool>(s => s.AllowsAsync(lead, OrganisationKind.Consortium, AccessOperation.Read, Demo.OtherRegionConsortium, CancellationToken.None)));
    }
}
