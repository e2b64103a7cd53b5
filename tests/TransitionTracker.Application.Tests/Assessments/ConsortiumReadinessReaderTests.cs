using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Tests.Infrastructure;

namespace TransitionTracker.Application.Tests.Assessments;

/// <summary>A consortium's standing, for those who may read the consortium.</summary>
public sealed class ConsortiumReadinessReaderTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_reader_in_scope_gets_the_latest_result_and_its_history()
    {
        var lead = await _host.UserAsync(Demo.ConsortiumLead);

        var readiness = await _host.RunAsync<ConsortiumReadinessReader, ConsortiumReadiness?>(r => r.ReadAsync(lead, Demo.LeadsConsortium, CancellationToken.None));

        Assert.NotNull(readiness?.Latest);
        Assert.Equal(AssessmentWorkflow.DefaultFramework, readiness.Framework.Id);
        Assert.NotEmpty(readiness.History);
        Assert.Equal(readiness.AssessedAtUtc, readiness.History[^1].SubmittedAtUtc);
    }

    [Fact]
    public async Task Out_of_scope_or_signed_out_there_is_nothing()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        Assert.Null(await _host.RunAsync<ConsortiumReadinessReader, ConsortiumReadiness?>(r => r.ReadAsync(manager, Demo.OtherConsortium, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<ConsortiumReadinessReader, ConsortiumReadiness?>(r => r.ReadAsync(null, Demo.ManagedConsortium, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<ConsortiumReadinessReader, ConsortiumReadiness?>(r => r.ReadAsync(manager, "NOPE1", CancellationToken.None)));
    }
}
