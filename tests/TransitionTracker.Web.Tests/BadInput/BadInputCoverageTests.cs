using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Web.Tests.BadInput;

/// <summary>
/// Every endpoint that takes input — a form or body (every page accepts a form post), a route value or a query
/// parameter — has bad-input cases in <see cref="BadInputCatalogue"/>, so a new endpoint cannot be missed.
/// </summary>
public sealed class BadInputCoverageTests(BadInputApp app) : IClassFixture<BadInputApp>
{
    [Fact]
    public void Every_endpoint_that_takes_input_has_bad_input_cases()
    {
        var covered = BadInputCatalogue.Keys.ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        var queryGaps = new List<string>();
        foreach (var (key, queryNames) in InputEndpoints())
        {
            if (!covered.Contains(key))
            {
                missing.Add(key);
                continue;
            }

            var listed = BadInputCatalogue.Queries.Where(q => q.Key == key).SelectMany(q => q.Parameters).ToHashSet(StringComparer.OrdinalIgnoreCase);
            queryGaps.AddRange(queryNames.Where(n => !listed.Contains(n)).Select(n => $"{key} ?{n}"));
        }

        var stale = covered.Except(InputEndpoints().Select(e => e.Key)).ToList();
        Assert.True(missing.Count == 0, "Endpoints that take input without a bad-input case: " + string.Join(", ", missing));
        Assert.True(queryGaps.Count == 0, "Query parameters without a bad-input case: " + string.Join(", ", queryGaps));
        Assert.True(stale.Count == 0, "Bad-input cases for endpoints that no longer exist: " + string.Join(", ", stale));
    }

    /// <summary>"METHOD /pattern" of every endpoint that takes input, with the names of its query parameters.</summary>
    private IEnumerable<(string Key, IReadOnlyList<string> QueryNames)> InputEndpoints()
    {
        var source = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var hasRouteValues = endpoint.RoutePattern.Parameters.Count > 0;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var component = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
            var queryNames = component is not null ? ComponentQueryNames(component) : HandlerQueryNames(endpoint);
            foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "DELETE" or "PATCH"))
            {
                if (method != "GET" || hasRouteValues || queryNames.Count > 0)
                {
                    yield return ($"{method} {pattern}", method == "GET" ? queryNames : []);
                }
            }
        }
    }

    private static List<string> ComponentQueryNames(Type component) =>
        component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => p.Attribute!.Name ?? p.Property.Name)
            .ToList();

    // A minimal API handler's simple parameters that are not route values are read from the query string.
    private static List<string> HandlerQueryNames(RouteEndpoint endpoint)
    {
        var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
        if (handler is null)
        {
            return [];
        }

        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return handler.GetParameters()
            .Where(p => !routeNames.Contains(p.Name!) && IsSimple(p.ParameterType) && p.GetCustomAttributes().All(a => a.GetType().Name is not ("FromBodyAttribute" or "FromServicesAttribute" or "FromHeaderAttribute")))
            .Select(p => p.GetCustomAttributes().Select(a => a.GetType().GetProperty("Name")?.GetValue(a) as string).FirstOrDefault(n => n is not null) ?? p.Name!)
            .ToList();
    }

    private static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(DateOnly) || underlying == typeof(DateTime) || underlying == typeof(decimal) || underlying == typeof(Guid);
    }
}
