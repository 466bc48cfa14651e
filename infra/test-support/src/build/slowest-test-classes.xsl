<?xml version="1.0" encoding="UTF-8"?>
<!--
  The ten slowest test classes of a build, from the surefire and failsafe XML reports listed in the input
  (<reports><report>path</report>...</reports>); the root pom runs it at the end of verify.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="root"/>

  <xsl:template match="/reports">
    <xsl:variable name="suites" select="document(report)/testsuite"/>
    <xsl:text>The ten slowest test classes of this build (of </xsl:text>
    <xsl:value-of select="count($suites)"/>
    <xsl:text>, from the surefire and failsafe reports):&#10;</xsl:text>
    <xsl:for-each select="$suites">
      <xsl:sort select="number(translate(@time, ',', ''))" data-type="number" order="descending"/>
      <xsl:if test="position() &lt;= 10">
        <xsl:variable name="seconds" select="format-number(number(translate(@time, ',', '')), '0.0')"/>
        <xsl:value-of select="substring('        ', string-length($seconds))"/>
        <xsl:value-of select="$seconds"/>
        <xsl:text> s  </xsl:text>
        <xsl:value-of select="@name"/>
        <xsl:text>  (</xsl:text>
        <xsl:value-of select="substring-after(properties/property[@name = 'basedir']/@value, concat($root, '/'))"/>
        <xsl:text>)&#10;</xsl:text>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
