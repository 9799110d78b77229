package com.solduel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChallengeRequestLimitsTest {

    @Test
    void anIpv4AddressCountsAloneAndAnIpv6OneByItsSlash64() {
        assertThat(ChallengeRequestLimits.addressGroup("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ChallengeRequestLimits.addressGroup("2001:db8:1:2:3:4:5:6"))
                .isEqualTo(ChallengeRequestLimits.addressGroup("2001:db8:1:2:ffff::1"))
                .isEqualTo("20010db800010002::/64");
        assertThat(ChallengeRequestLimits.addressGroup("0:0:0:0:0:0:0:1")).isEqualTo("0000000000000000::/64");
    }
}
