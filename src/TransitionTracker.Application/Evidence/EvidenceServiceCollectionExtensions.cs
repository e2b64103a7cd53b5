using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Application.Evidence;

public static class EvidenceServiceCollectionExtensions
{
    /// <summary>Evidence files attached to assessments' answers.</summary>
    public static IServiceCollection AddTransitionTrackerEvidence(this IServiceCollection services) =>
        services.AddScoped<EvidenceFiles>();
}
