using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TransitionTracker.Application.Access;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>
/// A bunit context with MudBlazor's services and loose JavaScript interop, for component tests. MudBlazor's services
/// are only <see cref="IAsyncDisposable"/>, so xunit disposes the context asynchronously through
/// <see cref="IAsyncLifetime"/>. A wait for a render gives up after 10 seconds rather than bunit's one: a debounced
/// search renders from a timer, which a machine busy with the browser tests may run late.
/// </summary>
public abstract class MudComponentContext : BunitContext, IAsyncLifetime
{
    static MudComponentContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected MudComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>
    /// Components read <paramref name="app"/>'s services, behind the test's own, as <paramref name="user"/>, signed in
    /// as a circuit's user is; the test may sign someone else in on the <see cref="CurrentUser"/> returned.
    /// </summary>
    protected CurrentUser UseApp(TransitionTrackerFactory app, ActingUser user)
    {
        var current = new CurrentUser();
        current.SignedIn(user);
        Services.AddSingleton(current);
        Services.AddFallbackServiceProvider(app.Services.CreateScope().ServiceProvider);
        return current;
    }

    /// <summary>Renders as a live circuit does (interactive server rendering); call after registering services.</summary>
    protected IRenderedComponent<TComponent> RenderInteractive<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return Render(parameters);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
