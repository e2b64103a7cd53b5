using Microsoft.AspNetCore.Components.Server.Circuits;

namespace TransitionTracker.Web.Diagnostics;

/// <summary>How many Blazor circuits this instance holds open now (connected or not yet closed).</summary>
public sealed class OpenCircuits
{
    private int count;

    public int Count => Volatile.Read(ref count);

    internal void Opened() => Interlocked.Increment(ref count);

    internal void Closed() => Interlocked.Decrement(ref count);

    /// <summary>Counts each circuit from its opening to its closing; one per circuit.</summary>
    public sealed class Counter(OpenCircuits circuits) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            circuits.Opened();
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            circuits.Closed();
            return Task.CompletedTask;
        }
    }
}
