using System.Text.Json;
using System.Text.Json.Nodes;
using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Domain.Tests.Frameworks;

public class FrameworkLoaderTests
{
    private const string Valid = """
        {
          "id": "gp-readiness", "version": 2, "name": "GP readiness", "scale": "status",
          "fastMoverThreshold": 75, "domainFloor": 50,
          "domains": [
            { "id": "leadership", "name": "Clinical leadership", "weight": 2 },
            { "id": "governance", "name": "Governance", "weight": 1.5, "floor": 60 }
          ],
          "criteria": [
            { "id": "CLE-01", "domain": "leadership", "text": "Practices joined by choice", "guidance": "Signed statements", "weight": 2, "essential": true },
            { "id": "GOV-01", "domain": "governance", "text": "Board in place" },
            { "id": "GOV-02", "domain": "governance", "text": "Conflicts register", "essential": true }
          ]
        }
        """;

    [Fact]
    public void Valid_document_loads_with_every_field()
    {
        var result = FrameworkLoader.Load(Valid);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Problems);
        var framework = result.Framework;
        Assert.Equal(("gp-readiness", 2, "GP readiness", FrameworkScale.Status), (framework.Id, framework.Version, framework.Name, framework.Scale));
        Assert.Equal((75.0, 50.0), (framework.FastMoverThreshold, framework.DomainFloor));
        Assert.Null(framework.MinLevel);
        Assert.Null(framework.MaxLevel);
        Assert.Equal(["leadership", "governance"], framework.Domains.Select(d => d.Id));
        Assert.Equal(["CLE-01", "GOV-01", "GOV-02"], framework.Criteria.Select(c => c.Id));
        var first = framework.Criteria[0];
        Assert.Equal(("leadership", "Practices joined by choice", "Signed statements", 2.0, true), (first.DomainId, first.Text, first.Guidance, first.Weight, first.Essential));
    }

    [Fact]
    public void Omitted_weight_essential_guidance_and_floor_take_their_defaults()
    {
        var framework = FrameworkLoader.Load(Valid).Framework!;

        var board = framework.FindCriterion("GOV-01")!;
        Assert.Equal(1, board.Weight);
        Assert.False(board.Essential);
        Assert.Equal("", board.Guidance);
        Assert.Equal(50, framework.FindDomain("leadership")!.Floor);
        Assert.Null(framework.FindDomain("leadership")!.OwnFloor);
        Assert.Equal(60, framework.FindDomain("governance")!.Floor);
    }

    [Fact]
    public void Omitted_domain_weight_defaults_to_one()
    {
        var result = Load(doc => doc["domains"]![0]!.AsObject().Remove("weight"));

        Assert.Equal(1, result.Framework!.Domains[0].Weight);
    }

    [Fact]
    public void Lookups_find_criteria_and_domains_by_id()
    {
        var framework = FrameworkLoader.Load(Valid).Framework!;

        Assert.Equal("Governance", framework.FindDomain("governance")!.Name);
        Assert.Null(framework.FindDomain("nope"));
        Assert.Null(framework.FindCriterion("gov-01"));
        Assert.Equal(["GOV-01", "GOV-02"], framework.CriteriaOf("governance").Select(c => c.Id));
        Assert.Empty(framework.CriteriaOf("nope"));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("version")]
    [InlineData("name")]
    [InlineData("scale")]
    [InlineData("fastMoverThreshold")]
    [InlineData("domainFloor")]
    [InlineData("domains")]
    [InlineData("criteria")]
    public void Missing_required_field_is_reported_at_its_path(string field)
    {
        var result = Load(doc => doc.Remove(field));

        Assert.False(result.Succeeded);
        Assert.Null(result.Framework);
        Assert.Contains(result.Problems, p => p.Path == $"$.{field}" && p.Message.Contains("required"));
    }

    [Theory]
    [InlineData("id", "42")]
    [InlineData("id", "\"  \"")]
    [InlineData("name", "true")]
    [InlineData("version", "\"1\"")]
    [InlineData("version", "0")]
    [InlineData("version", "-3")]
    [InlineData("version", "1.5")]
    [InlineData("scale", "\"stars\"")]
    [InlineData("scale", "\"Status\"")]
    [InlineData("fastMoverThreshold", "\"75\"")]
    [InlineData("fastMoverThreshold", "-0.1")]
    [InlineData("fastMoverThreshold", "100.5")]
    [InlineData("domainFloor", "101")]
    [InlineData("domains", "{}")]
    [InlineData("domains", "[]")]
    [InlineData("criteria", "\"none\"")]
    public void Wrong_top_level_value_is_reported_at_its_path(string field, string json)
    {
        var result = Load(doc => doc[field] = JsonNode.Parse(json));

        Assert.Contains(result.Problems, p => p.Path == $"$.{field}");
    }

    [Theory]
    [InlineData("fastMoverThreshold", 0)]
    [InlineData("fastMoverThreshold", 100)]
    [InlineData("domainFloor", 0)]
    [InlineData("domainFloor", 100)]
    public void Percentages_at_the_ends_of_0_to_100_are_allowed(string field, double value)
    {
        Assert.True(Load(doc => doc[field] = value).Succeeded);
    }

    [Fact]
    public void Duplicate_domain_id_is_reported_at_the_second()
    {
        var result = Load(doc => doc["domains"]![1]!["id"] = "leadership");

        Assert.Contains(result.Problems, p => p.Path == "$.domains[1].id" && p.Message.Contains("$.domains[0]"));
    }

    [Fact]
    public void Duplicate_criterion_id_is_reported_at_the_second()
    {
        var result = Load(doc => doc["criteria"]![2]!["id"] = "GOV-01");

        Assert.Equal([new FrameworkProblem("$.criteria[2].id", "Criterion id \"GOV-01\" is already used by $.criteria[1]; ids must be unique.")], result.Problems);
    }

    [Fact]
    public void Criterion_may_share_an_id_with_a_domain()
    {
        Assert.True(Load(doc => doc["criteria"]![0]!["id"] = "leadership").Succeeded);
    }

    [Theory]
    [InlineData("domains", 0)]
    [InlineData("domains", -1)]
    [InlineData("criteria", 0)]
    [InlineData("criteria", -0.5)]
    public void Weight_not_above_zero_is_reported(string list, double weight)
    {
        var result = Load(doc => doc[list]![1]!["weight"] = weight);

        Assert.Contains(result.Problems, p => p.Path == $"$.{list}[1].weight" && p.Message.Contains("greater than 0"));
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(100.01)]
    public void Domain_floor_outside_0_to_100_is_reported(double floor)
    {
        var result = Load(doc => doc["domains"]![1]!["floor"] = floor);

        Assert.Contains(result.Problems, p => p.Path == "$.domains[1].floor");
    }

    [Fact]
    public void Criterion_naming_a_missing_domain_is_reported()
    {
        var result = Load(doc => doc["criteria"]![1]!["domain"] = "finance");

        Assert.Contains(result.Problems, p => p.Path == "$.criteria[1].domain" && p.Message.Contains("finance"));
    }

    [Fact]
    public void Domain_without_criteria_is_reported()
    {
        var result = Load(doc => doc["domains"]!.AsArray().Add(new JsonObject { ["id"] = "finance", ["name"] = "Finance" }));

        Assert.Equal([new FrameworkProblem("$.domains[2]", "Domain \"finance\" has no criteria; every domain needs at least one.")], result.Problems);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("domain")]
    [InlineData("text")]
    public void Criterion_missing_a_required_field_is_reported(string field)
    {
        var result = Load(doc => doc["criteria"]![1]!.AsObject().Remove(field));

        Assert.Contains(result.Problems, p => p.Path == $"$.criteria[1].{field}");
    }

    [Theory]
    [InlineData("essential", "\"yes\"")]
    [InlineData("guidance", "7")]
    [InlineData("weight", "\"heavy\"")]
    public void Criterion_field_of_the_wrong_type_is_reported(string field, string json)
    {
        var result = Load(doc => doc["criteria"]![0]![field] = JsonNode.Parse(json));

        Assert.Contains(result.Problems, p => p.Path == $"$.criteria[0].{field}");
    }

    [Fact]
    public void Domain_or_criterion_that_is_not_an_object_is_reported()
    {
        var result = Load(doc =>
        {
            doc["domains"]!.AsArray().Add(3);
            doc["criteria"]!.AsArray().Add("GOV-03");
        });

        Assert.Contains(result.Problems, p => p.Path == "$.domains[2]");
        Assert.Contains(result.Problems, p => p.Path == "$.criteria[3]");
    }

    [Fact]
    public void Levels_scale_loads_with_whole_min_below_max()
    {
        var result = Load(doc => SetLevels(doc, 1, 4));

        Assert.True(result.Succeeded);
        Assert.Equal((FrameworkScale.Levels, 1, 4), (result.Framework.Scale, result.Framework.MinLevel, result.Framework.MaxLevel));
    }

    [Theory]
    [InlineData("minLevel")]
    [InlineData("maxLevel")]
    public void Levels_scale_without_a_level_bound_is_reported(string field)
    {
        var result = Load(doc =>
        {
            SetLevels(doc, 1, 4);
            doc.Remove(field);
        });

        Assert.Contains(result.Problems, p => p.Path == $"$.{field}" && p.Message.Contains("required"));
    }

    [Theory]
    [InlineData(4, 4, "$.maxLevel")]
    [InlineData(4, 1, "$.maxLevel")]
    [InlineData(1.5, 4, "$.minLevel")]
    [InlineData(1, 3.5, "$.maxLevel")]
    public void Levels_scale_needs_whole_min_below_max(double min, double max, string path)
    {
        var result = Load(doc =>
        {
            doc["scale"] = "levels";
            doc["minLevel"] = min;
            doc["maxLevel"] = max;
        });

        Assert.Equal(path, Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = Load(doc =>
        {
            doc["version"] = 0;
            doc["fastMoverThreshold"] = 120;
            doc["domains"]![0]!["weight"] = -2;
            doc["criteria"]![1]!["domain"] = "finance";
            doc["criteria"]![2]!["id"] = "CLE-01";
        });

        Assert.Equal(
            ["$.version", "$.fastMoverThreshold", "$.domains[0].weight", "$.criteria[1].domain", "$.criteria[2].id"],
            result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void More_than_the_maximum_criteria_is_refused_with_a_clear_message()
    {
        var result = Load(doc => doc["criteria"] = Criteria(FrameworkLoader.MaxCriteria + 1));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.criteria", problem.Path);
        Assert.Contains("at most 1,000 criteria", problem.Message);
        Assert.Contains("1,001", problem.Message);
    }

    [Fact]
    public void More_domains_than_there_may_be_criteria_is_refused_with_one_problem()
    {
        var result = Load(doc =>
        {
            var domains = new JsonArray();
            for (var i = 0; i <= FrameworkLoader.MaxCriteria; i++)
            {
                domains.Add(new JsonObject { ["id"] = $"d{i}", ["name"] = $"Domain {i}" });
            }

            doc["domains"] = domains;
        });

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.domains", problem.Path);
        Assert.Contains("at most 1,000 domains", problem.Message);
    }

    [Fact]
    public void Exactly_the_maximum_criteria_loads()
    {
        Assert.True(Load(doc => doc["criteria"] = Criteria(FrameworkLoader.MaxCriteria)).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ \"id\": ")]
    [InlineData("{ 'id': 'x' }")]
    [InlineData("not json")]
    public void Invalid_json_is_a_problem_at_the_root_not_an_exception(string json)
    {
        var result = FrameworkLoader.Load(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("The framework is not valid JSON", problem.Message);
    }

    [Theory]
    [InlineData("", "The framework is not valid JSON: the file is empty.")]
    [InlineData("{ \"id\": ", "The framework is not valid JSON: the file ends too early, on line 1: a { or [ is not closed, or a value is missing at the end.")]
    [InlineData("{ 'id': 'x' }", "The framework is not valid JSON: line 1, character 3 (“'”): single quotes are not allowed; put names and text in double quotes.")]
    [InlineData("{\n  \"id\": True\n}", "The framework is not valid JSON: line 2, character 9 (“T”): text must be in double quotes (and true, false and null in lower case).")]
    public void Invalid_json_is_told_in_words_with_its_line(string json, string message)
    {
        Assert.Equal(message, Assert.Single(FrameworkLoader.Load(json).Problems).Message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("null")]
    public void Document_that_is_not_an_object_is_a_problem_at_the_root(string json)
    {
        Assert.Equal("$", Assert.Single(FrameworkLoader.Load(json).Problems).Path);
    }

    [Fact]
    public void Framework_inside_a_request_is_reported_at_its_own_path()
    {
        using var request = JsonDocument.Parse("""{ "frameworkDefinition": { "id": "x", "domains": [ { "id": "d" } ] } }""");

        var result = FrameworkLoader.Load(request.RootElement.GetProperty("frameworkDefinition"), "$.frameworkDefinition");

        Assert.Contains(result.Problems, p => p.Path == "$.frameworkDefinition.version");
        Assert.Contains(result.Problems, p => p.Path == "$.frameworkDefinition.domains[0].name");
        Assert.All(result.Problems, p => Assert.StartsWith("$.frameworkDefinition", p.Path));
    }

    [Fact]
    public void Null_optional_value_counts_as_omitted()
    {
        var result = Load(doc => doc["domains"]![1]!["floor"] = null);

        Assert.Equal(50, result.Framework!.Domains[1].Floor);
    }

    [Fact]
    public void Written_framework_loads_back_the_same()
    {
        var original = FrameworkLoader.Load(Valid).Framework!;

        var json = FrameworkLoader.ToJson(original);
        var reloaded = FrameworkLoader.Load(json);

        Assert.Empty(reloaded.Problems);
        Assert.Equal(json, FrameworkLoader.ToJson(reloaded.Framework!));
        Assert.Null(reloaded.Framework!.FindDomain("leadership")!.OwnFloor);
        Assert.Equal(60, reloaded.Framework.FindDomain("governance")!.OwnFloor);
    }

    [Fact]
    public void Written_framework_uses_the_documented_camel_case_shape()
    {
        var written = JsonNode.Parse(FrameworkLoader.ToJson(Load(doc => SetLevels(doc, 1, 4)).Framework!))!.AsObject();

        Assert.Equal(
            ["id", "version", "name", "scale", "minLevel", "maxLevel", "fastMoverThreshold", "domainFloor", "domains", "criteria"],
            written.Select(p => p.Key));
        Assert.Equal("levels", written["scale"]!.GetValue<string>());
        Assert.Equal(["id", "domain", "text", "guidance", "weight", "essential"], written["criteria"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(1.5, written["domains"]![1]!["weight"]!.GetValue<double>());
    }

    private static FrameworkLoadResult Load(Action<JsonObject> change)
    {
        var document = JsonNode.Parse(Valid)!.AsObject();
        change(document);
        return FrameworkLoader.Load(document.ToJsonString());
    }

    private static void SetLevels(JsonObject document, int min, int max)
    {
        document["scale"] = "levels";
        document["minLevel"] = min;
        document["maxLevel"] = max;
    }

    private static JsonArray Criteria(int count)
    {
        var criteria = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            criteria.Add(new JsonObject { ["id"] = $"C-{i}", ["domain"] = i % 2 == 0 ? "leadership" : "governance", ["text"] = $"Criterion {i}" });
        }

        return criteria;
    }
}
