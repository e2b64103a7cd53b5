using Microsoft.AspNetCore.Components;

namespace TransitionTracker.Web.Components.Shared;

/// <summary>
/// The base of interactive pages: a cancellation token that ends when the page goes away (the circuit closes or the
/// user navigates on), in place of the request's, which interactive components do not have.
/// </summary>
public abstract class InteractivePage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _closed = new();

    protected CancellationToken PageClosed => _closed.Token;

    public void Dispose()
    {
        _closed.Cancel();
        _closed.Dispose();
        GC.SuppressFinalize(this);
    }
}
