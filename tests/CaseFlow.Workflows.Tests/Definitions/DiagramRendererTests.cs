using System.Text;
using System.Xml.Linq;
using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Workflows.Tests.Definitions;

public class DiagramRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static WorkflowDefinition V1() => DefinitionLoader.LoadFolder(RepoPaths.Workflows).Get("disclosure-request", 1);

    private static string AllText(XDocument doc) =>
        string.Join("\n", doc.Descendants(Svg + "text").Select(t => t.Value));

    [Fact]
    public void The_v1_diagram_is_well_formed_svg_showing_every_state_and_action()
    {
        var v1 = V1();
        var svg = DiagramRenderer.RenderSvg(v1);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "disclosure-request.v1.svg"), svg, new UTF8Encoding(false));

        var doc = XDocument.Parse(svg);
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.Equal(DiagramRenderer.FontFamily, (string?)doc.Root.Attribute("font-family"));
        var text = AllText(doc);
        Assert.All(v1.States, s => Assert.Contains(s.Label, text));
        Assert.All(v1.Actions, a => Assert.Contains(a.Label, text));
        Assert.All(v1.States, s => Assert.Single(doc.Descendants(Svg + "g"), g => (string?)g.Attribute("id") == $"state-{s.Id}"));
    }

    [Fact]
    public void The_diagram_is_self_contained()
    {
        var svg = DiagramRenderer.RenderSvg(V1());
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<image", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        var first = Encoding.UTF8.GetBytes(DiagramRenderer.RenderSvg(V1()));
        var second = Encoding.UTF8.GetBytes(DiagramRenderer.RenderSvg(V1()));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Final_states_have_a_double_border_and_waiting_states_a_dashed_one()
    {
        var doc = XDocument.Parse(DiagramRenderer.RenderSvg(V1()));
        XElement State(string id) => doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("id") == $"state-{id}");

        Assert.Equal(2, State("concluded").Elements(Svg + "rect").Count());
        Assert.Single(State("handling").Elements(Svg + "rect"));
        Assert.NotNull(State("awaitingCorrection").Element(Svg + "rect")!.Attribute("stroke-dasharray"));
        Assert.Null(State("handling").Element(Svg + "rect")!.Attribute("stroke-dasharray"));
    }

    [Fact]
    public void Actions_that_keep_the_state_are_bullets_inside_the_box()
    {
        var doc = XDocument.Parse(DiagramRenderer.RenderSvg(V1()));
        var handling = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("id") == "state-handling");
        var bullets = handling.Elements(Svg + "text").Select(t => t.Value).Where(t => t.StartsWith('•')).ToList();

        Assert.Contains("• 发协办函（承办人）", bullets);
        Assert.Contains("• 分配承办人（承办人、负责人）", bullets);
        Assert.Contains("• 确定合理答复期限（负责人）", bullets);
        Assert.DoesNotContain(bullets, b => b.Contains("提交答复草稿", StringComparison.Ordinal));
    }

    [Fact]
    public void Layers_are_by_distance_from_the_initial_state_with_final_states_at_the_bottom()
    {
        var doc = XDocument.Parse(DiagramRenderer.RenderSvg(V1()));
        double Top(string id) => (double)doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("id") == $"state-{id}").Element(Svg + "rect")!.Attribute("y")!;

        Assert.True(Top("registered") < Top("handling"));
        Assert.Equal(Top("handling"), Top("awaitingCorrection"));
        Assert.True(Top("handling") < Top("legalReview"));
        Assert.Equal(Top("legalReview"), Top("delivery"));
        Assert.True(Top("delivery") < Top("concluded"));
        Assert.Equal(Top("concluded"), Top("void"));
    }

    [Fact]
    public void Text_is_xml_escaped()
    {
        var tricky = new WorkflowDefinition
        {
            DefinitionId = "tricky",
            Version = 1,
            Name = "A & B <流程> \"引号\" 'x'",
            InitialState = "a",
            States =
            [
                new StateDefinition { Id = "a", Label = "甲 <&> 乙" },
                new StateDefinition { Id = "b", Label = "完成 & 归档", Category = StateCategory.Final },
            ],
            Actions =
            [
                new ActionDefinition { Id = "go", Label = "送达 <x> & \"y\"", From = ["a"], Roles = ["Officer"], Step = "Deliver", To = "b" },
                new ActionDefinition { Id = "note", Label = "备注 & 说明\u0001", From = ["a"], Roles = ["Officer"], Step = "AskReasons" },
            ],
        };

        var doc = XDocument.Parse(DiagramRenderer.RenderSvg(tricky));
        var text = AllText(doc);

        Assert.Contains("甲 <&> 乙", text);
        Assert.Contains("送达 <x> & \"y\"", text);
        Assert.Contains("• 备注 & 说明（承办人）", text);
        Assert.Contains("A & B <流程> \"引号\" 'x'", doc.Root!.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Broken_definitions_still_render()
    {
        var v1 = V1();
        var broken = v1 with { InitialState = "nowhere", Actions = [.. v1.Actions.Take(3)] };
        var doc = XDocument.Parse(DiagramRenderer.RenderSvg(broken));
        Assert.All(v1.States, s => Assert.Contains(s.Label, AllText(doc)));
    }
}
