//! Who counts as a moderator. Checked by the bot on every moderator command; Discord's default
//! member permissions on the command are only a hint in the client.

/// Discord's ADMINISTRATOR permission bit.
pub const ADMINISTRATOR: u64 = 1 << 3;
/// Discord's MANAGE_GUILD ("Manage Server") permission bit.
pub const MANAGE_GUILD: u64 = 1 << 5;

/// Where a command was used and by whom, as far as the check needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caller {
    /// The command came from a server (not a DM).
    pub in_guild: bool,
    /// The member's computed permissions in the channel, as Discord sends them.
    pub permissions: Option<u64>,
    /// The member's role ids.
    pub roles: Vec<u64>,
}

/// Moderators are server members with Administrator or Manage Server, or with one of the
/// configured roles. Nobody is a moderator in a DM.
pub fn is_moderator(caller: &Caller, moderator_roles: &[u64]) -> bool {
    if !caller.in_guild {
        return false;
    }
    let by_permission = caller
        .permissions
        .is_some_and(|p| p & (ADMINISTRATOR | MANAGE_GUILD) != 0);
    let by_role = caller.roles.iter().any(|r| moderator_roles.contains(r));
    by_permission || by_role
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moderators_by_permission_or_role_and_never_in_dms() {
        let roles = [42u64, 43];
        let member = |permissions: u64, roles: Vec<u64>| Caller {
            in_guild: true,
            permissions: Some(permissions),
            roles,
        };
        assert!(is_moderator(&member(MANAGE_GUILD, vec![]), &roles));
        assert!(is_moderator(&member(ADMINISTRATOR, vec![]), &roles));
        assert!(is_moderator(&member(0, vec![7, 43]), &roles));
        assert!(
            !is_moderator(&member(1 << 11 | 1 << 10, vec![7]), &roles),
            "send/read messages is not enough"
        );
        assert!(!is_moderator(
            &Caller {
                in_guild: true,
                permissions: None,
                roles: vec![]
            },
            &roles
        ));
        assert!(!is_moderator(
            &Caller {
                in_guild: false,
                permissions: Some(ADMINISTRATOR),
                roles: vec![42]
            },
            &roles
        ));
        assert!(
            !is_moderator(&member(0, vec![42]), &[]),
            "no configured roles means permissions only"
        );
    }
}
