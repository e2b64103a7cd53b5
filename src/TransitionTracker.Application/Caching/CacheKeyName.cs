using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace TransitionTracker.Application.Caching;

/// <summary>
/// A read cache key written out as text, for the one-load-per-miss machinery, which names loads by string. Two keys
/// have the same name only if they are equal: every part is a string, a number, a date, an enum, a bool, null, a
/// tuple of such parts, or a record whose properties are all such scalars. Anything else (a list, an object without
/// value equality) could not be named faithfully and is refused at once, so a key that breaks the rule fails its
/// first test rather than sharing a result it should not.
/// </summary>
internal static class CacheKeyName
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Records = new();

    public static string Of(Type result, object key, StampToken stamp, DateOnly day)
    {
        var name = new StringBuilder(128)
            .Append(result.ToString()).Append('|')
            .Append(stamp.First.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(stamp.Second.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('|');
        Append(name, stamp.Scope);
        name.Append('|');
        Append(name, key);
        return name.ToString();
    }

    private static void Append(StringBuilder name, object? part)
    {
        switch (part)
        {
            case null:
                name.Append('~');
                break;
            case string text:
                // Quoted, with the quote and the escape doubled, so no string can pass for a separator or another part.
                name.Append('"').Append(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case bool flag:
                name.Append(flag ? "true" : "false");
                break;
            case Enum value:
                name.Append(value.GetType().Name).Append('.').Append(value.ToString("D"));
                break;
            case DateOnly or DateTime or DateTimeOffset or TimeSpan or Guid or int or long or short or byte or decimal or double or float:
                name.Append(((IFormattable)part).ToString(null, CultureInfo.InvariantCulture));
                break;
            case ITuple tuple:
                name.Append('(');
                for (var i = 0; i < tuple.Length; i++)
                {
                    if (i > 0)
                    {
                        name.Append(',');
                    }

                    Append(name, tuple[i]);
                }

                name.Append(')');
                break;
            default:
                var type = part.GetType();
                name.Append(type.FullName).Append('{');
                var first = true;
                foreach (var property in RecordProperties(type))
                {
                    if (!first)
                    {
                        name.Append(',');
                    }

                    first = false;
                    Append(name, property.GetValue(part));
                }

                name.Append('}');
                break;
        }
    }

    private static PropertyInfo[] RecordProperties(Type type) => Records.GetOrAdd(type, static t =>
    {
        // A record has a compiler-written EqualityContract; its public instance properties are its value.
        if (t.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is null)
        {
            throw new InvalidOperationException($"A read cache key part of type {t} cannot be named: use strings, numbers, dates, enums, tuples or records of them.");
        }

        var properties = t.GetProperties(BindingFlags.Instance | BindingFlags.Public).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        foreach (var property in properties)
        {
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!(propertyType.IsPrimitive || propertyType.IsEnum || propertyType == typeof(string) || propertyType == typeof(decimal)
                || propertyType == typeof(DateOnly) || propertyType == typeof(DateTime) || propertyType == typeof(DateTimeOffset)
                || propertyType == typeof(TimeSpan) || propertyType == typeof(Guid)))
            {
                throw new InvalidOperationException($"A read cache key part of type {t} has a property {property.Name} of type {property.PropertyType}, which cannot be named.");
            }
        }

        return properties;
    });
}
