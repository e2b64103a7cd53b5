using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Application.Assessments;

public static class AssessmentServiceCollectionExtensions
{
    /// <summary>Readiness assessments from draft to submission, a consortium's standing, and regional leads' track decisions.</summary>
    public static IServiceCollection AddTransitionTrackerAssessments(this IServiceCollection services)
    {
        services.AddScoped<AssessmentWorkflow>();
        services.AddScoped<ConsortiumReadinessReader>();
        services.AddScoped<TrackReview>();
        return services;
    }
}
