"""The actor knowledge base: countries, roles, armed groups, organisations and people of conflict news."""

from wirecoder.actors.kb import SECTORS, ActorEntry, ActorKB, ActorMatch, check_file

__all__ = ["SECTORS", "ActorEntry", "ActorKB", "ActorMatch", "check_file"]
