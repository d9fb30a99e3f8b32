using Collab.Grains.Interfaces.Observations;

namespace Collab.Grains.Observations;

/// <summary>
/// The six dimensions of a Chinese lesson evaluation form (课堂教学评价表) that PROTOCOL §3 names, for an observation
/// created without its own rubric. The weights put what the lesson achieves for students (content, methods, effect)
/// above its form: 15 + 20 + 20 + 15 + 20 + 10 = 100.
/// </summary>
public static class DefaultRubric
{
    /// <summary>
    /// A new copy each time, in plain lists: the rubric is stored in grain state, whose JSON serializer records each
    /// collection's runtime type (a collection-expression array cannot be loaded again) and fills existing lists in
    /// place when it reads (a shared instance would grow).
    /// </summary>
    public static Rubric Create() => new(new List<RubricDimension>
    {
        Dimension("objectives", "教学目标", 15, "目标明确、具体，符合课程标准和学生实际", "知识、能力、情感目标有机统一"),
        Dimension("content", "教学内容", 20, "内容准确，重点突出，难点突破", "联系生活实际，容量适当"),
        Dimension("methods", "教学方法", 20, "方法得当，启发学生思考", "恰当运用信息技术和教具"),
        Dimension("organisation", "课堂组织", 15, "结构合理，节奏紧凑，时间分配得当", "师生互动充分，课堂秩序良好"),
        Dimension("effect", "教学效果", 20, "学生参与度高，思维活跃", "达成教学目标，当堂检测效果好"),
        Dimension("skill", "教师素养", 10, "教态自然，语言准确规范", "板书工整，应变能力强"),
    });

    private static RubricDimension Dimension(string key, string name, int weight, params string[] descriptors) =>
        new(key, name, weight, descriptors.ToList());
}
