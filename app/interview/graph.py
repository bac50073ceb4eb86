"""The bank as a graph of steps, shared by the flow engine and the load-time checks.

Nodes: ``S:<section>`` (a section's entry, where its ``open_if`` is tested), ``Q:<question>``
and ``@end``. Every question leads to the next question in its section, the last one to the next
section's entry, the last section to ``@end``; a ``next`` rule adds an edge to its target (a rule
without ``if`` always applies and replaces the step to the following question); a section with
``open_if`` also leads past itself. The graph must be acyclic and every question
reachable from the first section.
"""

from __future__ import annotations

from app.interview.bank import Bank

END = "@end"


def section_entry(bank: Bank, index: int) -> str:
    return f"S:{bank.sections[index].id}" if index < len(bank.sections) else END


def default_next(bank: Bank, qid: str) -> str:
    """Where the flow goes after ``qid`` when no ``next`` rule applies."""
    for n, section in enumerate(bank.sections):
        if qid in section.questions:
            i = section.questions.index(qid)
            if i + 1 < len(section.questions):
                return f"Q:{section.questions[i + 1]}"
            return section_entry(bank, n + 1)
    return END


def target_node(target: str) -> str:
    """A ``goto`` target as a node id."""
    if target.startswith(END):
        return END
    if target.startswith("section:"):
        return "S:" + target[len("section:"):]
    return f"Q:{target}"


def build_graph(bank: Bank) -> tuple[dict[str, list[tuple[str, str]]], str]:
    """Edges as {node: [(field label, node), ...]} and the start node."""
    graph: dict[str, list[tuple[str, str]]] = {END: []}
    for n, section in enumerate(bank.sections):
        node = f"S:{section.id}"
        edges = []
        if section.questions:
            edges.append(("open_if", f"Q:{section.questions[0]}"))
        if section.open_if is not None or not section.questions:
            edges.append(("open_if", section_entry(bank, n + 1)))
        graph[node] = edges
    for qid, q in bank.questions.items():
        graph[f"Q:{qid}"] = question_edges(bank, q)
    return graph, section_entry(bank, 0)


def question_edges(bank: Bank, q) -> list[tuple[str, str]]:
    """A question's edges: its ``next`` targets up to the first unconditional one, and the
    following step unless an unconditional rule always jumps away."""
    edges = []
    for i, rule in enumerate(q.next):
        edges.append((f"next[{i}].goto", target_node(rule.target)))
        if rule.condition is None:
            return edges
    return edges + [("id", default_next(bank, q.id))]


def reachable(graph: dict, start: str) -> set[str]:
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node in seen or node not in graph:
            continue
        seen.add(node)
        stack.extend(dst for _, dst in graph[node])
    return seen


def find_back_edges(graph: dict, start: str) -> list[tuple[str, str, str]]:
    """Edges (source, label, destination) that close a cycle, found by depth-first search."""
    state: dict[str, int] = {}
    found: list[tuple[str, str, str]] = []
    roots = [start] + sorted(n for n in graph if n != start)
    for root in roots:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(graph.get(root, [])))]
        while stack:
            node, edges = stack[-1]
            step = next(edges, None)
            if step is None:
                state[node] = 2
                stack.pop()
                continue
            label, dst = step
            if state.get(dst) == 1:
                found.append((node, label, dst))
            elif dst not in state and dst in graph:
                state[dst] = 1
                stack.append((dst, iter(graph[dst])))
    return found
