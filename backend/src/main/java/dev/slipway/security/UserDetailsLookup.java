package dev.slipway.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets Spring Security's form login check passwords against the users table. */
@Component
class UserDetailsLookup implements UserDetailsService {

    private final UserRepository users;

    UserDetailsLookup(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username).map(User::toPrincipal)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
