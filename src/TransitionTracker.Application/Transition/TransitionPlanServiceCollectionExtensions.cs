using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Lessons;

namespace TransitionTracker.Application.Transition;

public static class TransitionPlanServiceCollectionExtensions
{
    /// <summary>The use cases behind a consortium's transition plan, conflicts-of-interest register and lessons pages.</summary>
    public static IServiceCollection AddTransitionTrackerPlans(this IServiceCollection services) =>
        services.AddScoped<TransitionPlans>().AddScoped<InterestRegister>().AddScoped<LessonLibrary>();
}
