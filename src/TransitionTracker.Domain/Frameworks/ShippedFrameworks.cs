namespace TransitionTracker.Domain.Frameworks;

/// <summary>
/// The frameworks that come with the product (docs/scoring.md, "Framework documents"), embedded in this assembly so
/// that a fresh install can assess consortia before an administrator has published anything.
/// </summary>
public static class ShippedFrameworks
{
    /// <summary>The id of the default framework, GP consortium transition readiness (2010).</summary>
    public const string Default = "gp-consortium-readiness-2010";

    public const string WorldClassCommissioning = "world-class-commissioning";

    internal const string ResourcePrefix = "TransitionTracker.Domain.Frameworks.Shipped.";

    private static readonly Lazy<IReadOnlyList<Framework>> Loaded = new(LoadAll);

    /// <summary>Every shipped framework, the default first.</summary>
    public static IReadOnlyList<Framework> All => Loaded.Value;

    public static Framework DefaultFramework => Find(Default)!;

    public static Framework? Find(string id)
    {
        foreach (var framework in All)
        {
            if (framework.Id == id)
            {
                return framework;
            }
        }

        return null;
    }

    /// <summary>The document a shipped framework was loaded from, for seeding a database with it as version 1.</summary>
    public static string ReadJson(string id)
    {
        using var stream = typeof(ShippedFrameworks).Assembly.GetManifestResourceStream($"{ResourcePrefix}{id}.json")
            ?? throw new ArgumentException($"There is no shipped framework \"{id}\".", nameof(id));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IReadOnlyList<Framework> LoadAll() => [Load(Default), Load(WorldClassCommissioning)];

    /// <summary>A shipped framework that does not load is a defect in this build, not bad input, so it throws.</summary>
    private static Framework Load(string id)
    {
        var result = FrameworkLoader.Load(ReadJson(id));
        return result.Succeeded
            ? result.Framework
            : throw new InvalidOperationException(
                $"Shipped framework {id} is invalid: {string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}"))}");
    }
}
