package org.qingdan.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qingdan.support.observability.MaskingConverter;

class MaskingConverterTest {

    @Test
    void mobiles_landlines_and_emails_are_masked() {
        assertThat(MaskingConverter.mask("联系人手机13800138000，座机0311-86001234，邮箱zhangsan@bank.example.cn"))
                .isEqualTo("联系人手机138****8000，座机0311-****1234，邮箱z***@bank.example.cn");
    }

    @Test
    void other_numbers_are_left_alone() {
        assertThat(MaskingConverter.mask("USCC 91100000100003962T, order 1234567, year 2026"))
                .isEqualTo("USCC 91100000100003962T, order 1234567, year 2026");
        assertThat(MaskingConverter.mask(null)).isNull();
    }
}
