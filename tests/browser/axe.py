"""
Runs axe-core in a Playwright page and turns its violations into a message a
template author can act on: rule, impact, what to do, and which elements.
"""

# WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe has no separate "wcag22a"
# tag: its 2.2 A rules carry the older tags), plus axe's best practices.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")

RUN_AXE = """
async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return {violations: results.violations, testEngine: results.testEngine.version};
}
"""


def run_axe(page, axe_source):
    """
    The violations axe finds on ``page`` as loaded. Injecting a script needs a
    context made with ``bypass_csp=True``: the site's own policy forbids inline
    script, and stays strict.
    """
    page.add_script_tag(content=axe_source)
    return page.evaluate(RUN_AXE, list(AXE_TAGS))["violations"]


def _target(node):
    # A target is a list of selectors, one per nested frame or shadow root.
    return " >>> ".join(
        " ".join(part) if isinstance(part, list) else str(part) for part in node.get("target", [])
    )


def describe_violations(violations, where):
    """One readable block per rule: id, impact, help, then each failing element."""
    lines = [f"axe-core found {len(violations)} rule violation(s) on {where}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} [{violation.get('impact') or 'no impact given'}]: "
            f"{violation['help']}"
            f" ({violation.get('helpUrl', '')})"
        )
        for node in violation.get("nodes", []):
            html = " ".join((node.get("html") or "").split())
            lines.append(f"    {_target(node)}    {html[:120]}")
            # "Fix any of the following:\n  reason\n  reason" -> one line.
            summary = [
                line.strip()
                for line in (node.get("failureSummary") or "").splitlines()
                if line.strip()
            ]
            if summary:
                lines.append(f"      {summary[0]} {'; '.join(summary[1:])}"[:500])
    return "\n".join(lines)
