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
    public static IServiceCollection AddTransitionTrackerInteractivePages(this IServiceCollection services)
    {
        services.AddRazorComponents()
            .AddInteractiveServerComponents(options =>
            {
                options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
                options.DisconnectedCircuitMaxRetained = 200;
                options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
                options.MaxBufferedUnacknowledgedRenderBatches = 10;
            })
            .AddHubOptions(options =>
            {
                options.MaximumReceiveMessageSize = 64 * 1024;
                options.ClientTimeoutInterval = TimeSpan.FromSeconds(30);
                options.KeepAliveInterval = TimeSpan.FromSeconds(15);
            });

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CircuitHandler, CircuitUserHandler>();
        services.AddSingleton<OpenCircuits>();
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
