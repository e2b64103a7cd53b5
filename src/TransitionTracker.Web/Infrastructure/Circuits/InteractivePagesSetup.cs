using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using MudBlazor;
using MudBlazor.Services;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Diagnostics;

namespace TransitionTracker.Web.Infrastructure.Circuits;

/// <summary>
/// Interactive server rendering, its circuit limits and MudBlazor's services. The choices and the reasons for them are
/// in docs/architecture.md ("Interactive pages").
/// </summary>
public static class InteractivePagesSetup
{
    /// <summary>
    /// How long a browser tab stays hidden before its circuit is paused (<c>Circuits:PauseHiddenTabAfter</c>, a time span;
    /// zero never pauses). Five minutes unless set.
    /// </summary>
    public static TimeSpan PauseHiddenTabAfter(IConfiguration configuration) =>
        configuration.GetValue("Circuits:PauseHiddenTabAfter", TimeSpan.FromMinutes(5)) is var after && after > TimeSpan.Zero ? after : TimeSpan.Zero;

    /// <summary>
    /// How long a shown page goes unused (no key, pointer, wheel or scroll) before its circuit is paused and it waits
    /// for a change on <see cref="LiveWakeEndpoint"/> instead (<c>Circuits:PauseIdlePageAfter</c>, a time span; zero
    /// never pauses). Two minutes unless set.
    /// </summary>
    public static TimeSpan PauseIdlePageAfter(IConfiguration configuration) =>
        configuration.GetValue("Circuits:PauseIdlePageAfter", TimeSpan.FromMinutes(2)) is var after && after > TimeSpan.Zero ? after : TimeSpan.Zero;

    public static IServiceCollection AddTransitionTrackerInteractivePages(this IServiceCollection services)
    {
        services.AddRazorComponents()
            .AddInteractiveServerComponents(options =>
            {
                options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
                options.DisconnectedCircuitMaxRetained = 200;
                options.PersistedCircuitInMemoryRetentionPeriod = TimeSpan.FromHours(2);
                options.PersistedCircuitInMemoryMaxRetained = 1000;
                options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
                options.MaxBufferedUnacknowledgedRenderBatches = 10;
            })
            .AddHubOptions(options =>
            {
                // The largest message is the prerendered state a page sends as its circuit starts: 65 KB for the
                // region dashboard of the North West (33 consortia) with the demo data. docs/architecture.md.
                options.MaximumReceiveMessageSize = 1024 * 1024;
                options.ClientTimeoutInterval = TimeSpan.FromSeconds(30);
                options.KeepAliveInterval = TimeSpan.FromSeconds(15);
            });

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CircuitHandler, CircuitUserHandler>();
        services.AddSingleton<OpenCircuits>();
        services.AddSingleton<LiveWakeTokens>();
        services.AddScoped<CircuitHandler, OpenCircuits.Counter>();

        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            options.SnackbarConfiguration.VisibleStateDuration = 6000;
            options.SnackbarConfiguration.PreventDuplicates = true;
        });
        return services;
    }
}
