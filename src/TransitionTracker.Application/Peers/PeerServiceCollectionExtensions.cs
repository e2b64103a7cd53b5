using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Application.Peers;

public static class PeerServiceCollectionExtensions
{
    /// <summary>Consortia like another, and how they moved to fast mover.</summary>
    public static IServiceCollection AddTransitionTrackerPeers(this IServiceCollection services)
    {
        services.AddScoped<ConsortiumPeers>();
        return services;
    }
}
